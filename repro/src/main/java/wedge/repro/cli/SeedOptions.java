package wedge.repro.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import wedge.repro.sweep.Seeds;

/** The seeds of a many-run command and how many child JVMs run them at a time. */
public final class SeedOptions {
    @Option(names = "--seeds", required = true, paramLabel = "FIRST..LAST", description = "seeds, e.g. 1..100")
    private String seeds;

    @Option(names = "--parallel", defaultValue = "1", description = "child JVMs at a time (default: "
            + "${DEFAULT-VALUE}; each uses about a core)")
    private int parallel;

    /** The seeds that shard {@code shard} ({@code k/n}) runs; bad values are usage errors of {@code cmd}. */
    Seeds seeds(CommandSpec cmd, String shard) {
        return SweepInputs.seeds(cmd, seeds, shard);
    }

    /** Child JVMs at a time, checked. */
    int parallel(CommandSpec cmd) {
        Usage.require(cmd, parallel >= 1 && parallel <= 64, "--parallel must be 1..64, not " + parallel);
        return parallel;
    }
}
