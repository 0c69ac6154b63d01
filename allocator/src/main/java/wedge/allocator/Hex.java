package wedge.allocator;

/** Addresses as the seed writes them: {@code 0x} and lowercase hex. */
final class Hex {
    private Hex() {
    }

    static String of(long address) {
        return "0x" + Long.toHexString(address);
    }
}
