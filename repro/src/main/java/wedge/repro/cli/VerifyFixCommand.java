package wedge.repro.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import wedge.allocator.Preset;
import wedge.repro.run.Installation;
import wedge.repro.run.RunPool;
import wedge.repro.run.RunSpec;
import wedge.repro.sweep.OutcomeTable;
import wedge.repro.sweep.Sweep;

/** {@code wedge verify-fix}: the same seeds against several presets, side by side. */
@Command(name = "verify-fix", mixinStandardHelpOptions = true,
        header = "Runs the same seeds against each preset and prints one table of preset x outcome.",
        description = {"Runs the same seeds against each preset and prints one table of preset x outcome: the",
            "evidence that a fix works, or does not. Results go to --out, and a second run resumes."})
final class VerifyFixCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CaseOptions options;

    @Option(names = "--presets", defaultValue = "buggy,option-ac,strict", split = ",",
            description = "presets to compare (default: ${DEFAULT-VALUE})")
    private List<String> presets;

    @Mixin
    private SeedOptions seeds;

    @Option(names = "--out", defaultValue = "wedge-out/verify-fix.jsonl", description = "result file (default: "
            + "${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        int parallel = seeds.parallel(spec);
        int batch = seeds.batch(spec);
        for (String p : presets) {
            try {
                Preset.byId(p);
            } catch (IllegalArgumentException e) {
                Usage.require(spec, false, e.getMessage());
            }
        }
        RunSpec base = options.spec(spec, 0);
        Map<String, RunSpec> cases = new LinkedHashMap<>();
        presets.forEach(preset -> cases.put(preset, base.withAllocator(List.of("--preset", preset))));
        Map<String, List<JsonNode>> results;
        try (RunPool runs = new RunPool(Installation.locate(), batch, Notes.to(spec))) {
            results = new Sweep(runs, parallel).run(cases, seeds.seeds(spec, "1/1"),
                    SweepInputs.resultsToAppend(spec, out), out, spec.commandLine().getErr(), System.console() != null);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("case: " + base.caseKey().replaceFirst(" --preset \\S+", ""));
        Map<String, OutcomeTable> tables = new LinkedHashMap<>();
        results.forEach((preset, r) -> tables.put(preset, OutcomeTable.of(r)));
        OutcomeTable.compare(w, "preset", tables);
        return ExitCodes.OK;
    }
}
