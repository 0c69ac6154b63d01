package wedge.contract;

/**
 * Addresses and values as dumps and reports write them, and as the seed writes them: {@code 0x} and lower-case hex
 * digits, unsigned ({@code 0x7a1ad5a06261}, {@code 0x0}).
 */
public final class Hex {
    private Hex() {
    }

    /** {@code value}, unsigned, as {@code 0x} and lower-case hex digits. */
    public static String of(long value) {
        return "0x" + Long.toHexString(value);
    }
}
