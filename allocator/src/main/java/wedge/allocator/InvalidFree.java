package wedge.allocator;

/**
 * {@code free} of an address that is not the start of an allocated block: glibc's "free(): invalid pointer"
 * abort. A well-behaved program never gets it; on a heap whose freelist was corrupted it is how a clobbered link
 * that was handed out as a block (such as {@code 0x7a1ad5a06261}) usually shows itself.
 */
public final class InvalidFree extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long address;

    InvalidFree(long address, String message) {
        super(message);
        this.address = address;
    }

    /** The address passed to {@code free}. */
    public long address() {
        return address;
    }
}
