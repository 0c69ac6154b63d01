package wedge.repro.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import wedge.repro.minimize.Ddmin;
import wedge.repro.minimize.ScheduleScript;
import wedge.repro.run.ChildProcesses;
import wedge.repro.run.Installation;
import wedge.repro.run.RunOutcome;
import wedge.repro.run.RunPool;
import wedge.repro.run.RunSpec;
import wedge.repro.run.Signature;

/** {@code wedge minimize}: the fewest context switches of a recorded schedule that still give the same fault. */
@Command(name = "minimize", mixinStandardHelpOptions = true,
        header = "Shrinks a recorded schedule to the fewest context switches that still fault.",
        description = {"Shrinks the schedule a dump recorded (under --agent controlled or --script) by delta",
            "debugging (ddmin): each candidate, a subset of the recorded context switches, is run as a script on",
            "the recorded case; the result is the smallest one found that still faults with the same signature,",
            "written as a script that 'wedge run --script FILE' accepts, and run once more to prove it. A candidate",
            "counts only on the fault its own run reported. Prints the step counts and the script's path."})
final class MinimizeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DUMP", description = "a fault dump of a wedge run under --agent controlled or --script")
    private Path dump;

    @Option(names = "--out", paramLabel = "FILE", description = "where the script goes (default: DUMP with .wedge "
            + "for .json)")
    private Path out;

    @Option(names = "--dump-dir", defaultValue = "dumps", description = "where the candidate runs' dumps go "
            + "(default: ${DEFAULT-VALUE})")
    private Path dumpDir;

    @Option(names = "--max-runs", defaultValue = "200", description = "most candidate runs; past them the smallest "
            + "failing schedule so far is written (default: ${DEFAULT-VALUE})")
    private int maxRuns;

    @Option(names = "--parallel", defaultValue = "2", description = "candidate runs at once (default: "
            + "${DEFAULT-VALUE})")
    private int parallel;

    @Option(names = "--batch", defaultValue = "" + SeedOptions.DEFAULT_BATCH, paramLabel = "N",
            description = SeedOptions.BATCH_HELP)
    private int batch;

    @Override
    public Integer call() throws Exception {
        try (RunPool runs = new RunPool(Installation.locate(), SeedOptions.batch(spec, batch), Notes.to(spec))) {
            return minimize(runs);
        }
    }

    /** Minimizes with the candidates run through {@code runs}, as many at once as {@code --parallel} says. */
    private Integer minimize(RunPool runs) throws Exception {
        Usage.require(spec, maxRuns >= 1, "--max-runs must be at least 1, not " + maxRuns);
        Usage.require(spec, parallel >= 1, "--parallel must be at least 1, not " + parallel);
        RecordedCase recorded = RecordedCase.load(spec, dump, dumpDir);
        Usage.require(spec, recorded.dump().path("kind").asText().equals("fault"), dump + " is not a fault dump");
        List<String> steps;
        try {
            steps = ScheduleScript.steps(recorded.dump());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), dump + ": " + e.getMessage());
        }
        String signature = Signature.of(recorded.dump());
        PrintWriter err = spec.commandLine().getErr();
        Path scratch = Files.createTempDirectory("wedge-minimize-");
        // Ctrl-C or SIGTERM ends the candidates' child JVMs first (ChildProcesses), then this runs
        Runnable removeScratch = () -> deleteScratch(scratch);
        ChildProcesses.onStop(removeScratch);
        Ddmin<String> ddmin = new Ddmin<>(candidate -> {
            Path file = null;
            try {
                file = Files.createTempFile(scratch, "candidate-", ".wedge");
                Files.writeString(file, ScheduleScript.render(List.of(), candidate));
                RunOutcome o = runs.run(recorded.run().withScript(file));
                synchronized (err) {
                    err.printf("minimize: %d steps: %s %s%n", candidate.size(), o.outcome(), o.signature());
                    err.flush();
                }
                return o.outcome().equals("fault") && o.signature().equals(signature);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                deleteQuietly(file);
            }
        }, maxRuns, parallel);
        List<String> result;
        try {
            if (!ddmin.check(steps)) {
                spec.commandLine().getErr().println("wedge: the recorded schedule, played as a script, does not fault "
                        + "with " + signature + " again (did the dump lose determinism? see schedule.lost)");
                return ExitCodes.TOOL_FAILED;
            }
            result = ddmin.minimize(steps);
        } finally {
            ChildProcesses.forget(removeScratch);
            deleteScratch(scratch);
        }
        Path target = out != null ? out : dump.resolveSibling(dump.getFileName().toString()
                .replaceFirst("\\.json$", "") + ".wedge");
        RunSpec base = recorded.run();
        List<String> header = new ArrayList<>(List.of(
                "Minimised by wedge minimize from " + dump.toAbsolutePath() + " (" + steps.size() + " steps, "
                        + ddmin.tests() + " runs): still faults " + signature + ".",
                "Run it: scripts/wedge run " + base.withScript(target.toAbsolutePath()).caseKey()
                        + " --seed " + base.seed(),
                "Each step: THREAD to POINT at HIT (docs/AGENT.md, \"Scripts\"); between steps the running thread runs on."));
        Files.writeString(target, ScheduleScript.render(header, result));
        RunOutcome again = runs.run(base.withScript(target.toAbsolutePath()));
        if (!again.outcome().equals("fault") || !again.signature().equals(signature)) {
            err.println("wedge: the minimized script " + target + " ran " + again.outcome() + " "
                    + again.signature() + " when run once more, not " + signature + "; it does not reproduce the fault");
            return ExitCodes.TOOL_FAILED;
        }
        spec.commandLine().getOut().printf("minimized %d steps to %d in %d runs; signature %s; script %s%n",
                steps.size(), result.size(), ddmin.tests(), signature, target);
        return ExitCodes.OK;
    }

    /** Deletes the scratch directory with any candidate script still in it. */
    private static void deleteScratch(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(MinimizeCommand::deleteQuietly);
        } catch (IOException e) {
            // already gone, or unreadable: what is left is harmless (see deleteQuietly)
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a scratch file left in the temporary directory is harmless
        }
    }
}
