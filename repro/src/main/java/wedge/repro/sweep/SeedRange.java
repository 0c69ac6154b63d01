package wedge.repro.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds {@code first..last}, both included, and the part of them one shard runs.
 *
 * @param first first seed
 * @param last  last seed, at least {@code first}
 */
public record SeedRange(long first, long last) {
    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");
    private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");

    /**
     * Parses {@code A..B}.
     *
     * @throws IllegalArgumentException saying what a range looks like
     */
    public static SeedRange parse(String text) {
        Matcher m = RANGE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("seed range '" + text + "' is not a range: write FIRST..LAST, "
                    + "e.g. 1..100");
        }
        long first;
        long last;
        try {
            first = Long.parseLong(m.group(1));
            last = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed range '" + text + "' does not fit: seeds are 64-bit, from "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        if (last < first) {
            throw new IllegalArgumentException("seed range '" + text + "' is empty: LAST must be >= FIRST, e.g. "
                    + first + ".." + (first + 99));
        }
        return new SeedRange(first, last);
    }

    /**
     * The seeds shard {@code k/n} runs: every n-th seed starting with the k-th (k counts from 1), so any batch
     * scheduler can split a sweep into n disjoint parts that together cover the range. They are not materialised:
     * a range of 10^11 seeds costs no more than one of 10.
     *
     * @throws IllegalArgumentException when {@code shard} is not {@code k/n} with 1 <= k <= n
     */
    public Seeds shard(String shard) {
        Matcher m = SHARD.matcher(shard.trim());
        int k;
        int n;
        if (!m.matches() || (n = parseCount(m.group(2))) < 1 || (k = parseCount(m.group(1))) < 1 || k > n) {
            throw new IllegalArgumentException("shard '" + shard + "' is not k/n with 1 <= k <= n, e.g. 2/4");
        }
        return new Seeds(first, last, k - 1, n);
    }

    /** Every seed of the range. */
    public Seeds all() {
        return shard("1/1");
    }

    private static int parseCount(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
