package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import wedge.repro.run.Installation;
import wedge.repro.run.RunPool;
import wedge.repro.run.RunSpec;
import wedge.repro.sweep.OutcomeTable;
import wedge.repro.sweep.Seeds;
import wedge.repro.sweep.Sweep;

/** {@code wedge sweep}: one case over many seeds. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Runs one case over a range of seeds and prints a table of outcomes; resumable, shardable.",
        description = {"Runs one case over a range of seeds, appending each result to --out (JSON lines), and",
            "prints a table of outcomes with the time to reproduce. Run it again with the same --out to resume;",
            "split it across machines with --shard k/n (or --shard env in a Kubernetes Indexed Job) and join the",
            "files with 'wedge merge'. The built-in workloads run --batch seeds per JVM, each seed on a",
            "fresh heap with fresh threads; a fault ends its seed, a hang or a JVM in doubt ends the batch."})
final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CaseOptions options;

    @Mixin
    private SeedOptions seeds;

    @Option(names = "--shard", defaultValue = "1/1", paramLabel = "k/n|env",
            description = {"run only the k-th of n interleaved parts of the seeds (default: ${DEFAULT-VALUE}); env: "
                + "k-1 from $JOB_COMPLETION_INDEX, n from $WEDGE_SHARD_COUNT"})
    private String shard;

    @Option(names = "--out", defaultValue = "wedge-out/sweep.jsonl", description = "result file (default: "
            + "${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        int parallel = seeds.parallel(spec);
        int batch = seeds.batch(spec);
        RunSpec base = options.spec(spec, 0);
        String part = SweepInputs.shard(spec, shard, System.getenv());
        Seeds mine = seeds.seeds(spec, part);
        List<JsonNode> existing = SweepInputs.resultsToAppend(spec, out);
        List<JsonNode> all;
        try (RunPool runs = new RunPool(Installation.locate(), batch, Notes.to(spec))) {
            all = new Sweep(runs, parallel)
                    .run(Map.of("sweep (shard " + part + ")", base), mine, existing, out, spec.commandLine().getErr(),
                            System.console() != null)
                    .values().iterator().next();
        }
        spec.commandLine().getOut().println("case: " + base.caseKey());
        OutcomeTable.of(all).print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
