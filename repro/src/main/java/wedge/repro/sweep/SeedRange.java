package wedge.repro.sweep;

import java.util.ArrayList;
import java.util.List;
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
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (last < first) {
            throw new IllegalArgumentException("seed range '" + text + "' is empty: LAST must be >= FIRST, e.g. "
                    + first + ".." + (first + 99));
        }
        return new SeedRange(first, last);
    }

    /**
     * The seeds shard {@code k/n} runs: every n-th seed starting with the k-th (k counts from 1), so any batch
     * scheduler can split a sweep into n disjoint parts that together cover the range.
     *
     * @throws IllegalArgumentException when {@code shard} is not {@code k/n} with 1 <= k <= n
     */
    public List<Long> shard(String shard) {
        Matcher m = SHARD.matcher(shard.trim());
        int k;
        int n;
        if (!m.matches() || (n = Integer.parseInt(m.group(2))) < 1 || (k = Integer.parseInt(m.group(1))) < 1
                || k > n) {
            throw new IllegalArgumentException("shard '" + shard + "' is not k/n with 1 <= k <= n, e.g. 2/4");
        }
        List<Long> seeds = new ArrayList<>();
        for (long s = first + k - 1; s <= last && s >= first; s += n) {
            seeds.add(s);
        }
        return seeds;
    }

    /** Every seed of the range. */
    public List<Long> all() {
        return shard("1/1");
    }
}
