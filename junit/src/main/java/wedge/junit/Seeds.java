package wedge.junit;

import java.util.ArrayList;
import java.util.List;

/** The seeds of a {@link WedgeTest}: {@code FROM..TO} ranges and single seeds, separated by commas. */
final class Seeds {
    /** The seeds when the annotation gives neither {@code seeds} nor {@code seed}. */
    static final String DEFAULT = "1..20";
    /** More invocations than this is a typo, not a plan: the report would be unreadable. */
    static final long MAX = 100_000;

    private Seeds() {
    }

    /**
     * The seeds {@code text} names, in order.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text} and what is valid
     */
    static List<Long> parse(String text) {
        List<Long> seeds = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            int dots = p.indexOf("..");
            long from = number(dots < 0 ? p : p.substring(0, dots), p);
            long to = dots < 0 ? from : number(p.substring(dots + 2), p);
            if (to < from) {
                throw new IllegalArgumentException("the range " + p + " is empty; write FROM..TO with FROM <= TO, "
                        + "like 1..50");
            }
            // to >= from, so to - from read unsigned is the true distance even where it overflows a long.
            if (Long.compareUnsigned(to - from, MAX - seeds.size()) >= 0) {
                throw new IllegalArgumentException("more than " + MAX + " seeds; name fewer");
            }
            for (long i = 0; i <= to - from; i++) {
                seeds.add(from + i);
            }
        }
        return seeds;
    }

    private static long number(String text, String part) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + part + "' is not a seed or a range; write FROM..TO (like 1..50), "
                    + "a single seed, or several of those separated by commas");
        }
    }
}
