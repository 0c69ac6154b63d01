package wedge.repro.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import wedge.repro.sweep.Seeds;

/** The seeds of a many-run command, how many child JVMs run them at a time, and how many seeds each runs. */
public final class SeedOptions {
    /** Seeds per child JVM unless --batch says otherwise; docs/PERFORMANCE.md, "Many seeds per JVM". */
    static final int DEFAULT_BATCH = 10;
    /** What {@code --batch} does, in the help of every command that takes it. */
    static final String BATCH_HELP = "seeds per child JVM for the built-in workloads and --entry programs: one JVM "
            + "runs seed after seed, each on a fresh heap and fresh threads; 1 starts a JVM per seed (default: "
            + "${DEFAULT-VALUE})";

    @Option(names = "--seeds", required = true, paramLabel = "FIRST..LAST", description = "seeds, e.g. 1..100")
    private String seeds;

    @Option(names = "--parallel", defaultValue = "1", description = "child JVMs at a time (default: "
            + "${DEFAULT-VALUE}; each uses about a core)")
    private int parallel;

    @Option(names = "--batch", defaultValue = "" + DEFAULT_BATCH, paramLabel = "N", description = BATCH_HELP)
    private int batch;

    /** The seeds that shard {@code shard} ({@code k/n}) runs; bad values are usage errors of {@code cmd}. */
    Seeds seeds(CommandSpec cmd, String shard) {
        return SweepInputs.seeds(cmd, seeds, shard);
    }

    /** Seeds per child JVM, checked. */
    int batch(CommandSpec cmd) {
        return batch(cmd, batch);
    }

    /** {@code batch} as {@code --batch}: at least 1, else a usage error naming the option. */
    static int batch(CommandSpec cmd, int batch) {
        Usage.require(cmd, batch >= 1, "--batch must be at least 1 (1 runs each seed in a JVM of its own), not "
                + batch);
        return batch;
    }

    /** Child JVMs at a time, checked. */
    int parallel(CommandSpec cmd) {
        Usage.require(cmd, parallel >= 1 && parallel <= 64, "--parallel must be 1..64, not " + parallel);
        return parallel;
    }
}
