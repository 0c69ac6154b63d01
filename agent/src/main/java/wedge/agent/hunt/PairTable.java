package wedge.agent.hunt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every dangerous pair known to the run: loaded from a pairs file or learned from near misses. */
final class PairTable {
    private final Map<Long, Pair> pairs = new ConcurrentHashMap<>();
    /** Whether a pair was made: read on every access of a site that is in none, so one volatile load, no count. */
    private volatile boolean any;

    /** Two threads nearly collided at {@code x} and {@code y}, {@code gapNanos} apart: both become pause sites. */
    void nearMiss(Location x, Location y, long gapNanos) {
        Pair p = pair(x, y, "learned");
        long pause = p.nearMiss(gapNanos);
        x.joinPair(pause);
        y.joinPair(pause);
    }

    /** A pause at {@code paused} caught a thread at {@code caught}; counted on their pair, if they form one. */
    void caught(Location paused, Location caught) {
        Pair p = pairs.get(Pair.key(paused, caught));
        if (p != null) {
            p.caught();
        }
    }

    /** The pair of {@code x} and {@code y}, made with {@code source} if new. */
    Pair pair(Location x, Location y, String source) {
        any = true;
        return pairs.computeIfAbsent(Pair.key(x, y), k -> x.point < y.point
                || (x.point == y.point && x.site.compareTo(y.site) <= 0) ? new Pair(x, y, source) : new Pair(y, x, source));
    }

    /** Whether no pair is known yet. */
    boolean isEmpty() {
        return !any;
    }

    /** Every pair, most near misses first. */
    List<Pair> all() {
        List<Pair> list = new ArrayList<>(pairs.values());
        list.sort(Comparator.comparingLong(Pair::nearMisses).reversed());
        return list;
    }
}
