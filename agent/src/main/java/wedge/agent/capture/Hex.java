package wedge.agent.capture;

/** Addresses and values as the dump writes them: {@code 0x} and lower-case hex, unsigned. */
public final class Hex {
    private Hex() {
    }

    /** {@code v}, unsigned, as {@code 0x} and lower-case hex digits. */
    public static String of(long v) {
        return "0x" + Long.toHexString(v);
    }
}
