package wedge.repro.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import wedge.repro.dump.DumpFile;
import wedge.repro.run.Installation;
import wedge.repro.run.RunOutcome;
import wedge.repro.run.RunPool;
import wedge.repro.run.Signature;

/** {@code wedge replay}: runs again what a dump recorded and compares the outcome. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        header = "Runs again the case a dump recorded and says whether the same fault came back.",
        description = {"Runs again the case a dump recorded (its seed, preset, workload, agent options and script) and",
            "says whether the same fault signature came back, and, for a dump made under --agent controlled or",
            "--script, whether the event trace hash is the same: then the replay interleaved the threads exactly",
            "as the recorded run did."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DUMP", description = "a dump written by a wedge run")
    private Path dump;

    @Option(names = "--dump-dir", defaultValue = "dumps", description = "where the replay's own dump goes "
            + "(default: ${DEFAULT-VALUE})")
    private Path dumpDir;

    @Override
    public Integer call() throws Exception {
        RecordedCase recorded = RecordedCase.load(spec, dump, dumpDir);
        String expected = Signature.of(recorded.dump());
        PrintWriter out = spec.commandLine().getOut();
        spec.commandLine().getErr().println("replaying: " + recorded.run().command());
        RunOutcome outcome;
        // in a JVM of its own, whether the dump was written alone or in a batch
        try (RunPool runs = RunPool.single(Installation.locate())) {
            outcome = runs.run(recorded.run());
        }
        out.println(outcome.line());
        out.println(outcome.signature().equals(expected)
                ? "same signature as the dump: " + expected
                : "different: the dump has " + expected + ", the replay " + outcome.outcome() + " "
                        + outcome.signature());
        String trace = RecordedCase.traceHash(recorded.dump());
        if (trace != null) {
            String again = outcome.dump() == null ? null : RecordedCase.traceHash(DumpFile.load(outcome.dump()));
            out.println(Objects.equals(trace, again) ? "same trace hash as the dump: " + trace
                    : "different trace: the dump has " + trace + ", the replay " + (again == null ? "none" : again));
        }
        return ExitCodes.OK;
    }
}
