package wedge.agent.strategy;

import java.util.List;
import wedge.agent.config.PauseKind;
import wedge.agent.jfr.JfrState;
import wedge.agent.jfr.PauseEvent;
import wedge.agent.points.Point;
import wedge.agent.runtime.Strategy;
import wedge.agent.runtime.ThreadState;

/**
 * ConTest / rr-chaos style noise: at each point the thread pauses with probability {@code p}, for between 1 ns and
 * the configured duration.
 *
 * <p>Invariant: each decision, whether to pause and for how long, is a pure function of (seed, thread ordinal,
 * point id, the thread's hit count), so a thread's injection schedule is reproducible from the seed; nothing here
 * has state, so threads never contend on the strategy.
 */
public final class NoiseStrategy implements Strategy {
    private static final double UNIT = 0x1.0p-53;

    private final long seed;
    private final double p;
    private final PauseKind pause;
    private final long maxNanos;
    private final List<Point> points;

    /**
     * @param seed     the run's seed
     * @param p        probability of a pause at a point
     * @param pause    how to pause
     * @param maxNanos longest pause
     * @param points   the point table, for the names flight-recorder events carry
     */
    public NoiseStrategy(long seed, double p, PauseKind pause, long maxNanos, List<Point> points) {
        this.seed = seed;
        this.p = p;
        this.pause = pause;
        this.maxNanos = maxNanos;
        this.points = points;
    }

    @Override
    public void at(ThreadState thread, int point, long hit, Object subject, long value, String site) {
        long nanos = pauseNanos(thread.ordinal, point, hit);
        if (nanos > 0) {
            pause(thread, point, site, nanos);
        }
    }

    /** The slow path: the only place a flight-recorder event is looked at, so an access without a pause pays nothing. */
    private void pause(ThreadState thread, int point, String site, long nanos) {
        PauseEvent event = JfrState.started() ? PauseEvent.begun() : null;
        thread.pausing(true);
        try {
            pause.pause(nanos);
        } finally {
            thread.pausing(false);
        }
        if (event != null) {
            event.ended(points.get(point).name(), site, thread.ordinal, nanos);
        }
    }

    /** The decision at these coordinates: 0 for no pause, else the pause length in nanoseconds. */
    public long pauseNanos(int ordinal, int point, long hit) {
        long h = SplitMix64.combine(SplitMix64.combine(SplitMix64.combine(seed, ordinal), point), hit);
        if ((h >>> 11) * UNIT >= p) {
            return 0;
        }
        return 1 + Long.remainderUnsigned(SplitMix64.mix(h), maxNanos);
    }
}
