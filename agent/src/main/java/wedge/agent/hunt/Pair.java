package wedge.agent.hunt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two locations seen to nearly collide: the same field of the same object, two threads, one a write. Keeps how
 * often, and the gaps as a log2 histogram, whose 90th percentile sizes the pauses at both ends.
 */
final class Pair {
    private static final int BUCKETS = 64;

    final Location a;
    final Location b;
    /** {@code file} (loaded from a pairs file) or {@code learned} (first seen in this run). */
    final String source;
    private final long[] gaps = new long[BUCKETS];
    private long nearMisses;
    private long caught;
    private long loadedGap;

    /** {@code a} and {@code b} in the pairs file's order: by point id, then site. */
    Pair(Location a, Location b, String source) {
        this.a = a;
        this.b = b;
        this.source = source;
    }

    /** The key of the pair of {@code x} and {@code y}, in either order. */
    static long key(Location x, Location y) {
        return x.index < y.index ? ((long) x.index << 32) | y.index : ((long) y.index << 32) | x.index;
    }

    /** A near miss {@code gapNanos} apart; returns the pause the pair now calls for. */
    synchronized long nearMiss(long gapNanos) {
        nearMisses++;
        gaps[BUCKETS - 1 - Long.numberOfLeadingZeros(Math.max(1, gapNanos))]++;
        return HuntPolicy.pauseFor(gapNanos());
    }

    /** A pause at one end caught a thread at the other. */
    synchronized void caught() {
        caught++;
    }

    /** Counts from a pairs file. */
    synchronized void restore(long misses, long gap, long wasCaught) {
        nearMisses += misses;
        loadedGap = gap;
        caught += wasCaught;
    }

    synchronized long caughtCount() {
        return caught;
    }

    synchronized long nearMisses() {
        return nearMisses;
    }

    /** The 90th percentile of the gaps seen in this run (bucket upper bound), else the loaded one. */
    synchronized long gapNanos() {
        long total = 0;
        for (long g : gaps) {
            total += g;
        }
        if (total == 0) {
            return loadedGap;
        }
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += gaps[i];
            if (seen * 10 >= total * 9) {
                return i >= 62 ? Long.MAX_VALUE : (1L << (i + 1)) - 1;
            }
        }
        return loadedGap;
    }

    /** The dump's form (docs/DUMP-FORMAT.md, "hunt"). */
    synchronized Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", end(a));
        m.put("b", end(b));
        m.put("source", source);
        m.put("nearMisses", nearMisses);
        m.put("gapNanos", gapNanos());
        m.put("caught", caught);
        return m;
    }

    /** The pairs file's line for this pair. */
    synchronized String line() {
        return "pair " + a.key() + " " + b.key() + " near=" + nearMisses + " gap=" + gapNanos() + " caught=" + caught;
    }

    private static Map<String, Object> end(Location l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", l.pointName);
        m.put("site", l.site);
        m.put("probability", l.probability());
        m.put("pauses", l.pauses);
        return m;
    }
}
