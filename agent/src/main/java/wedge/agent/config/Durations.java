package wedge.agent.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users write them in options: a whole number and a unit, {@code 200us}, {@code 5ms}, {@code 10s}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})(ns|us|ms|s)");

    private Durations() {
    }

    /** The duration in nanoseconds, or -1 when {@code text} is not a duration ({@code 0} alone is accepted). */
    public static long parseNanos(String text) {
        if (text.equals("0")) {
            return 0;
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ns":
                return n;
            case "us":
                return n * 1_000L;
            case "ms":
                return n * 1_000_000L;
            default:
                return n * 1_000_000_000L;
        }
    }

    /** The shortest exact rendering of {@code nanos} in the same syntax. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }
}
