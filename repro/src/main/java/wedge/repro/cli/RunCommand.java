package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import wedge.contract.ShellWords;
import wedge.repro.run.Installation;
import wedge.repro.run.Program;
import wedge.repro.run.RunOutcome;
import wedge.repro.run.RunPool;
import wedge.repro.run.RunSpec;

/** {@code wedge run}: one case, in a child JVM, with a time cap. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Runs one workload in a child JVM with the agent attached, and says what came of it.",
        description = {"Runs one workload in a child JVM with the agent attached, and says what came of it:",
            "  outcome=<fault|hang|clean|error> signature=<...> ttr_ms=<n> [ops=<n>] dump=<path|-|unwritten:\"why\">",
            "  [script=<r/n>] [discovered=<path>]   (docs/RELIABILITY.md: what each ending means; discovered= is",
            "  the profile a --points auto run found, beside the dumps)",
            "A fault is a result: the exit status is 0 whenever the run was carried out.",
            "With --agent controlled the seed decides the whole interleaving, so a seed replays its crash exactly;",
            "with --script FILE the run follows the interleaving FILE states, and script= says how many of its",
            "steps were reached (a script that cannot be played on a preset is a result too). Example:",
            "  wedge run --workload scenario --preset buggy --script scripts/scenarios/seed-1.3.wedge"})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CaseOptions options;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the workload and the agent (default: "
            + "${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--json", description = "print the result as one JSON object")
    private boolean json;

    @Option(names = "--verbose", description = "print the java command of the child first, quoted for a shell")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        RunSpec run = options.spec(spec, seed);
        long started = System.currentTimeMillis();
        RunOutcome outcome;
        // a program's --entry runs in a batch child of one seed, as in a sweep; anything else in a one-run child
        try (RunPool runs = RunPool.single(Installation.locate())) {
            if (verbose) {
                spec.commandLine().getErr().println(ShellWords.join(runs.command(run)));
            }
            outcome = runs.run(run);
        }
        Path discovered = discovered(run, started);
        spec.commandLine().getOut().println(json ? new ObjectMapper().writeValueAsString(outcome.toMap())
                : outcome.line() + (discovered == null ? "" : " discovered=" + discovered));
        if (!json && outcome.outcome().equals("error") && !outcome.detail().isEmpty()) {
            // Why it is an error: the child's last lines of stderr, or what the agent never armed.
            outcome.detail().lines().forEach(l -> spec.commandLine().getOut().println("  " + l));
        }
        return ExitCodes.OK;
    }

    /** The profile the run's agent discovered under automatic points (written at its exit), or null. */
    private static Path discovered(RunSpec run, long startedMillis) throws IOException {
        if (run.program() == null || !Program.isAuto(run.program().points())) {
            return null;
        }
        Path file = run.dumpDir().resolve(Program.DISCOVERED);
        return Files.isRegularFile(file) && Files.getLastModifiedTime(file).toMillis() >= startedMillis - 1000
                ? file : null;
    }
}
