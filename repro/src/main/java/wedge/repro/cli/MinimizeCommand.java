package wedge.repro.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import wedge.repro.minimize.Budget;
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
            "counts only on the fault its own run reported. The smallest script so far is written to --out each",
            "time a candidate shrinks it, so a search stopped by its budget or by Ctrl-C keeps it. Prints each run",
            "as 'run N of at most M, T left', then the step counts and the script's path."})
final class MinimizeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DUMP", description = "a fault dump of a wedge run under --agent controlled or --script")
    private Path dump;

    @Option(names = "--out", paramLabel = "FILE", description = "where the script goes (default: DUMP with .wedge "
            + "for .json)")
    private Path out;

    @Option(names = "--dump-dir", description = "keep the candidate runs' dumps there (default: in the scratch "
            + "directory, removed at the end)")
    private Path dumpDir;

    @Option(names = "--max-seconds", defaultValue = "180", description = "time budget: no candidate starts after "
            + "it, and the smallest failing script so far is the result (default: ${DEFAULT-VALUE})")
    private int maxSeconds;

    @Option(names = "--max-runs", defaultValue = "200", description = "most candidate runs; past them the smallest "
            + "failing script so far is the result (default: ${DEFAULT-VALUE})")
    private int maxRuns;

    @Option(names = "--parallel", defaultValue = "2", description = "candidate runs at once (default: "
            + "${DEFAULT-VALUE})")
    private int parallel;

    @Option(names = "--batch", defaultValue = "" + SeedOptions.DEFAULT_BATCH, paramLabel = "N",
            description = SeedOptions.BATCH_HELP)
    private int batch;

    @Override
    public Integer call() throws Exception {
        Usage.require(spec, maxSeconds >= 1, "--max-seconds must be at least 1, not " + maxSeconds);
        Usage.require(spec, maxRuns >= 1, "--max-runs must be at least 1, not " + maxRuns);
        Usage.require(spec, parallel >= 1, "--parallel must be at least 1, not " + parallel);
        Budget budget = Budget.of(maxRuns, Duration.ofSeconds(maxSeconds));
        Path scratch = Files.createTempDirectory("wedge-minimize-");
        // Ctrl-C or SIGTERM ends the candidates' child JVMs first (ChildProcesses), then this runs
        Runnable removeScratch = () -> deleteScratch(scratch);
        ChildProcesses.onStop(removeScratch);
        try (RunPool runs = new RunPool(Installation.locate(), SeedOptions.batch(spec, batch), Notes.to(spec))) {
            return minimize(runs, budget, scratch);
        } finally {
            deleteScratch(scratch);
            if (!ChildProcesses.stopping()) {
                ChildProcesses.forget(removeScratch);
            }
        }
    }

    /** Minimizes with the candidates run through {@code runs}, as many at once as {@code --parallel} says. */
    private int minimize(RunPool runs, Budget budget, Path scratch) throws IOException, InterruptedException {
        RecordedCase recorded = RecordedCase.load(spec, dump, dumpDir != null ? dumpDir : scratch.resolve("dumps"));
        Usage.require(spec, recorded.dump().path("kind").asText().equals("fault"), dump + " is not a fault dump");
        List<String> steps;
        try {
            steps = ScheduleScript.steps(recorded.dump());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), dump + ": " + e.getMessage());
        }
        String signature = Signature.of(recorded.dump());
        PrintWriter err = spec.commandLine().getErr();
        MinimizedScript script = new MinimizedScript(out != null ? out : dump.resolveSibling(dump.getFileName()
                .toString().replaceFirst("\\.json$", "") + ".wedge"), dump, steps.size(), signature, recorded.run());
        err.printf("minimize: %d recorded steps; at most %d runs, %d at a time, within %s; the smallest script so far "
                + "goes to %s%n", steps.size(), maxRuns, parallel, minutes(budget.leftNanos()), script.file());
        err.flush();
        AtomicInteger started = new AtomicInteger();
        Ddmin<String> ddmin = new Ddmin<>(candidate -> {
            int n = started.incrementAndGet();
            RunOutcome o = runCandidate(runs, recorded.run(), scratch, candidate);
            synchronized (err) {
                err.printf("minimize: run %d of at most %d, %s left: %d steps: %s %s%n", n, maxRuns,
                        minutes(budget.leftNanos()), candidate.size(), o.outcome(), o.signature());
                err.flush();
            }
            return o.outcome().equals("fault") && o.signature().equals(signature);
        }, budget, parallel);
        Runnable stopped = () -> {
            err.println(script.kept() < 0 ? "minimize: stopped before any script was written"
                    : "minimize: stopped; the smallest script so far, " + script.kept() + " of " + steps.size()
                    + " steps, is " + script.file() + ": " + script.command());
            err.flush();
        };
        ChildProcesses.onStop(stopped);
        List<String> result;
        try {
            if (!ddmin.check(steps)) {
                err.println("wedge: the recorded schedule, played as a script, does not fault with " + signature
                        + " again (did the dump lose determinism? see schedule.lost)");
                return ExitCodes.TOOL_FAILED;
            }
            script.write(steps, ddmin.tests(), false);
            result = ddmin.minimize(steps, smaller -> {
                try {
                    script.write(smaller, ddmin.tests(), false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                err.printf("minimize: %d steps still fault %s; written to %s%n", smaller.size(), signature,
                        script.file());
                err.flush();
            });
        } finally {
            if (!ChildProcesses.stopping()) {
                ChildProcesses.forget(stopped);
            }
        }
        script.write(result, ddmin.tests(), true);
        RunOutcome again = runs.run(recorded.run().withScript(script.file().toAbsolutePath()));
        if (!again.outcome().equals("fault") || !again.signature().equals(signature)) {
            err.println("wedge: the minimized script " + script.file() + " ran " + again.outcome() + " "
                    + again.signature() + " when run once more, not " + signature + "; it does not reproduce the fault");
            return ExitCodes.TOOL_FAILED;
        }
        spec.commandLine().getOut().printf("minimized %d steps to %d in %d runs; signature %s; script %s%n",
                steps.size(), result.size(), ddmin.tests(), signature, script.file());
        return ExitCodes.OK;
    }

    /** Runs {@code candidate} as a script of {@code run}, from a file in {@code scratch} removed after. */
    private static RunOutcome runCandidate(RunPool runs, RunSpec run, Path scratch, List<String> candidate) {
        Path file = null;
        try {
            file = Files.createTempFile(scratch, "candidate-", ".wedge");
            Files.writeString(file, ScheduleScript.render(List.of(), candidate));
            return runs.run(run.withScript(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** {@code nanos} as minutes and seconds, {@code 2m51s}. */
    private static String minutes(long nanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
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
