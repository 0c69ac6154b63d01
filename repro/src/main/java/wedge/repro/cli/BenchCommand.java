package wedge.repro.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import wedge.repro.run.ChildRun;
import wedge.repro.run.Installation;
import wedge.repro.run.RunOutcome;
import wedge.repro.run.RunSpec;

/** {@code wedge bench}: the agent's cost on a workload's throughput. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measures the workload's throughput without the agent, attached idle, and with noise.",
        description = {"Runs the workload without the agent, with the agent attached and nothing armed, and with",
            "noise armed, in turn for --rounds rounds, and prints the median throughput of each and its ratio to",
            "the run without the agent. Use --preset strict so that no run ends early in a fault."})
final class BenchCommand implements Callable<Integer> {
    private static final List<String> MODES = List.of("off", "idle", "noise");

    @Spec
    private CommandSpec spec;

    @Mixin
    private CaseOptions options;

    @Option(names = "--rounds", defaultValue = "3", description = "runs of each mode (default: ${DEFAULT-VALUE})")
    private int rounds;

    @Override
    public Integer call() throws Exception {
        Usage.require(spec, rounds >= 1, "--rounds must be at least 1, not " + rounds);
        RunSpec base = options.spec(spec, 1);
        ChildRun child = new ChildRun(Installation.locate());
        Map<String, List<Double>> throughput = new LinkedHashMap<>();
        PrintWriter err = spec.commandLine().getErr();
        for (int r = 1; r <= rounds; r++) {
            for (String mode : MODES) {
                RunSpec s = new RunSpec(base.workload(), base.allocator(), base.seed(), base.seconds(), base.threads(),
                        mode, base.agentOptions(), base.dumpDir(), base.larsonSizes(), null, base.program());
                RunOutcome o = child.run(s);
                err.printf(Locale.ROOT, "round %d/%d  agent %-5s  %s  %.0f ops/s%n", r, rounds, mode, o.outcome(),
                        o.throughput());
                err.flush();
                if (o.outcome().equals("clean")) {
                    throughput.computeIfAbsent(mode, k -> new ArrayList<>()).add(o.throughput());
                }
            }
        }
        print(spec.commandLine().getOut(), base, throughput);
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, RunSpec base, Map<String, List<Double>> throughput) {
        out.println("case: " + base.caseKey().replaceFirst(" --agent \\S+", ""));
        out.printf(Locale.ROOT, "%-8s %6s %16s %8s%n", "agent", "runs", "median ops/s", "ratio");
        double reference = median(throughput.getOrDefault("off", List.of()));
        for (String mode : MODES) {
            List<Double> runs = throughput.getOrDefault(mode, List.of());
            double m = median(runs);
            out.printf(Locale.ROOT, "%-8s %6d %16.0f %8s%n", mode, runs.size(), m,
                    reference > 0 && m > 0 ? String.format(Locale.ROOT, "%.3fx", m / reference) : "-");
        }
        out.flush();
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
