package wedge.repro.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import wedge.allocator.Preset;
import wedge.repro.run.ChildRun;
import wedge.repro.run.Installation;
import wedge.repro.run.RunSpec;
import wedge.repro.sweep.OutcomeTable;
import wedge.repro.sweep.Progress;
import wedge.repro.sweep.ResultFile;
import wedge.repro.sweep.Sweep;

/** {@code wedge verify-fix}: the same seeds against several presets, side by side. */
@Command(name = "verify-fix", mixinStandardHelpOptions = true,
        description = {"Runs the same seeds against each preset and prints one table of preset x outcome: the",
            "evidence that a fix works, or does not. Results go to --out, and a second run resumes."})
final class VerifyFixCommand implements Callable<Integer> {
    private static final List<String> OUTCOMES = List.of("fault", "hang", "clean", "error");

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
        for (String p : presets) {
            try {
                Preset.byId(p);
            } catch (IllegalArgumentException e) {
                Usage.require(spec, false, e.getMessage());
            }
        }
        RunSpec base = options.spec(spec, 0);
        List<Long> seedList = seeds.seeds(spec, "1/1");
        List<JsonNode> existing = SweepInputs.results(spec, out);
        Map<String, List<JsonNode>> byPreset = new LinkedHashMap<>();
        Sweep sweep = new Sweep(new ChildRun(Installation.locate()), parallel);
        try (ResultFile file = ResultFile.append(out)) {
            for (String preset : presets) {
                RunSpec s = base.withAllocator(List.of("--preset", preset));
                List<Long> todo = Sweep.remaining(s, seedList, existing);
                spec.commandLine().getErr().printf("%s: %d seeds, %d to run%n", preset, seedList.size(), todo.size());
                List<JsonNode> results = new ArrayList<>(SweepInputs.ofCase(existing, s, seedList));
                Progress progress = new Progress(spec.commandLine().getErr(), System.console() != null, todo.size());
                results.addAll(sweep.run(s, todo, file, progress));
                byPreset.put(preset, results);
            }
        }
        print(spec.commandLine().getOut(), base, byPreset);
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, RunSpec base, Map<String, List<JsonNode>> byPreset) {
        out.println("case: " + base.caseKey().replaceFirst(" --preset \\S+", ""));
        out.printf(Locale.ROOT, "%-12s %6s %6s %6s %6s %9s  %s%n", "preset", "fault", "hang", "clean", "error",
                "ttr p50", "most common fault");
        byPreset.forEach((preset, results) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Integer> signatures = new LinkedHashMap<>();
            OUTCOMES.forEach(o -> counts.put(o, 0));
            for (JsonNode r : results) {
                counts.merge(r.path("outcome").asText(), 1, Integer::sum);
                if (r.path("outcome").asText().equals("fault")) {
                    signatures.merge(r.path("signature").asText(), 1, Integer::sum);
                }
            }
            OutcomeTable table = OutcomeTable.of(results);
            String common = signatures.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").orElse("-");
            out.printf(Locale.ROOT, "%-12s %6d %6d %6d %6d %9s  %s%n", preset, counts.get("fault"),
                    counts.get("hang"), counts.get("clean"), counts.get("error"),
                    table.faults() == 0 ? "-" : table.medianTtrMs() + " ms", common);
        });
        out.flush();
    }
}
