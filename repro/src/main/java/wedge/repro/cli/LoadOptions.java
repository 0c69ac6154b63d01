package wedge.repro.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How hard and how long a workload that runs in this JVM drives the allocator, and from which seed. */
public final class LoadOptions {
    @Option(names = "--threads", defaultValue = "4", description = "worker threads (default: ${DEFAULT-VALUE})")
    private int threads;

    @Option(names = "--seconds", defaultValue = "10", description = "run time (default: ${DEFAULT-VALUE})")
    private int seconds;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every random choice (default: "
            + "${DEFAULT-VALUE})")
    private long seed;

    /** Worker threads, checked; a bad value is a usage error of {@code cmd}. */
    public int threads(CommandSpec cmd) {
        Usage.require(cmd, threads >= 1 && threads <= 256, "--threads must be 1..256, not " + threads);
        return threads;
    }

    /** Run time in seconds, checked; a bad value is a usage error of {@code cmd}. */
    public int seconds(CommandSpec cmd) {
        Usage.require(cmd, seconds >= 1, "--seconds must be at least 1, not " + seconds);
        return seconds;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }
}
