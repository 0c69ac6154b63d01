package wedge.agent.capture;

/** Addresses and values as the dump writes them: {@code 0x} and lower-case hex, unsigned. */
final class Hex {
    private Hex() {
    }

    static String of(long v) {
        return "0x" + Long.toHexString(v);
    }
}
