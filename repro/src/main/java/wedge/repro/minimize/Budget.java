package wedge.repro.minimize;

import java.time.Duration;

/**
 * How much a search may spend: at most {@code maxRuns} runs, none started after {@code deadlineNanos} (on
 * {@link System#nanoTime()}'s clock). A run started in time may end after the deadline: it is never cut short,
 * since its answer is what the time was spent on.
 *
 * @param maxRuns       most runs
 * @param deadlineNanos when no run may start any more
 */
public record Budget(int maxRuns, long deadlineNanos) {
    /** {@code maxRuns} runs within {@code time} from now. */
    public static Budget of(int maxRuns, Duration time) {
        return new Budget(maxRuns, System.nanoTime() + time.toNanos());
    }

    /** Whether one more run may start after {@code runs} runs. */
    public boolean allows(int runs) {
        return runs < maxRuns && leftNanos() > 0;
    }

    /** Time left before the deadline, 0 past it. */
    public long leftNanos() {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }
}
