package wedge.repro.cli;

/**
 * A user's program with a per-seed entry ({@code --entry wedge.repro.cli.BatchTarget#seed}), whose profile
 * ({@link #PROFILE}) weaves its counter: every seed counts a thousand steps; seed {@link #HANGS} then spins in this
 * woven class without passing a point, which the agent's watchdog takes for a hang, and seed {@link #FAULTS} throws
 * the profile's fault type.
 */
public final class BatchTarget {
    /** The seed that hangs. */
    static final long HANGS = 2;
    /** The seed that faults. */
    static final long FAULTS = 3;
    /** The profile of this class: its fault, and its counter, read and written by every step. */
    static final String PROFILE = String.join("\n",
            "fault-type   wedge.repro.cli.BatchTarget$Miscounted",
            "field-read   wedge.repro.cli.BatchTarget#steps   steps.read    in wedge.repro.cli.BatchTarget#step",
            "field-write  wedge.repro.cli.BatchTarget#steps   steps.write   in wedge.repro.cli.BatchTarget#step", "");
    private static final int STEPS = 1000;

    /** The fault of seed {@link #FAULTS}. */
    public static final class Miscounted extends RuntimeException {
        Miscounted(int steps) {
            super("counted " + steps + " steps at 0x" + Integer.toHexString(steps));
        }
    }

    private int steps;
    private volatile boolean spinning = true;

    private BatchTarget() {
    }

    /** Runs seed {@code seed}: a thousand steps, then a spin without end or a fault for two of the seeds. */
    public static void seed(long seed) {
        BatchTarget t = new BatchTarget();
        for (int i = 0; i < STEPS; i++) {
            t.step();
        }
        if (seed == HANGS) {
            t.spin();
        }
        if (seed == FAULTS) {
            throw new Miscounted(t.steps);
        }
    }

    /** The same name and parameter as {@link #seed}, but not static: an entry must be. */
    public void instance(long seed) {
        step();
    }

    private void step() {
        steps = steps + 1;
    }

    private void spin() {
        while (spinning) {
            Thread.onSpinWait();
        }
    }
}
