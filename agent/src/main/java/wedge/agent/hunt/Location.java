package wedge.agent.hunt;

/**
 * One place a field point is passed: a point (which field, read or write) in one method. Pairs join two locations;
 * pauses happen at locations.
 *
 * <p>The counters and the probability are written by whichever thread pauses here; they are statistics and a
 * heuristic, so a lost increment under a race costs nothing but a figure off by one.
 */
final class Location {
    /** Position among all locations, from 0; set once, before the location is published. */
    int index;
    final int point;
    final String pointName;
    /** {@code Class#method}. */
    final String site;
    /** The site as woven code passes it ({@code Method#toString()}); null until first seen (a loaded location). */
    volatile String rawSite;
    private volatile boolean dangerous;
    private volatile double probability = 1;
    private volatile long pauseNanos = HuntPolicy.MIN_PAUSE_NANOS;
    volatile long pauses;

    Location(int point, String pointName, String site, String rawSite) {
        this.point = point;
        this.pointName = pointName;
        this.site = site;
        this.rawSite = rawSite;
    }

    boolean dangerous() {
        return dangerous;
    }

    double probability() {
        return probability;
    }

    long pauseNanos() {
        return pauseNanos;
    }

    /** This location belongs to a pair whose gaps call for pauses of {@code nanos}: it is now a pause site. */
    void joinPair(long nanos) {
        if (nanos > pauseNanos) {
            pauseNanos = nanos;
        }
        dangerous = true;
    }


    /**
     * A pause here caught nothing: the next is less likely and longer, by the same factor, so that the time this site
     * costs per pass stays the same while its pauses reach partners that come later than the gaps seen so far (a
     * partner whose accesses are tens of microseconds apart is not caught by a pause sized to a gap of two).
     */
    void fruitless() {
        probability = Math.max(HuntPolicy.FLOOR, probability * HuntPolicy.DECAY);
        pauseNanos = Math.min(HuntPolicy.MAX_PAUSE_NANOS, (long) (pauseNanos / HuntPolicy.DECAY));
    }

    /** A pause here caught another thread. */
    void caught() {
        probability = 1;
    }

    /** The pairs file's form of this location: point name and site. */
    String key() {
        return pointName + " " + site;
    }
}
