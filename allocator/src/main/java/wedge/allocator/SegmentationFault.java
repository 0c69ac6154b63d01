package wedge.allocator;

/**
 * An access to an address that no SuperSlab maps: the simulated heap's SIGSEGV.
 *
 * <p>Like {@code si_addr} of a real SIGSEGV, {@link #address()} is the exact address the faulting load or store
 * touched, so a freelist link clobbered to {@code 0x6261} faults with address {@code 0x6261}.
 */
public final class SegmentationFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long address;

    /**
     * @param address the address whose access faulted
     * @param access  what was attempted, e.g. {@code "load8"}
     */
    public SegmentationFault(long address, String access) {
        super(String.format("SIGSEGV-equivalent: %s at 0x%x (unmapped)", access, address));
        this.address = address;
    }

    /** The address whose access faulted. */
    public long address() {
        return address;
    }
}
