package wedge.repro.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import wedge.repro.dump.BadDump;
import wedge.repro.dump.DumpFile;
import wedge.repro.run.ChildRun;
import wedge.repro.run.Installation;
import wedge.repro.run.RunOutcome;
import wedge.repro.run.RunSpec;
import wedge.repro.run.Signature;

/** {@code wedge replay}: runs again what a dump recorded and compares the outcome. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs again the case a dump recorded (its seed, preset, workload and agent options) and says",
            "whether the same fault signature came back."})
final class ReplayCommand implements Callable<Integer> {
    private static final String PREFIX = "scripts/wedge run ";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DUMP", description = "a dump written by a wedge run")
    private Path dump;

    @Option(names = "--dump-dir", defaultValue = "dumps", description = "where the replay's own dump goes "
            + "(default: ${DEFAULT-VALUE})")
    private Path dumpDir;

    /** The options of the recorded {@code wedge run}. */
    @Command(name = "run")
    static final class Recorded {
        @Mixin
        CaseOptions options;

        @Option(names = "--seed")
        long seed;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode d;
        try {
            d = DumpFile.load(dump);
        } catch (BadDump e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String command = d.path("replay").path("command").asText("");
        Usage.require(spec, command.startsWith(PREFIX), dump + ": not made by 'wedge run', so wedge cannot replay it; "
                + "its recorded command is: " + (command.isEmpty() ? "(none)" : command));
        Recorded recorded = new Recorded();
        CommandLine parser = new CommandLine(recorded);
        List<String> args = new ArrayList<>(Arrays.asList(command.substring(PREFIX.length()).trim().split("\\s+")));
        args.addAll(List.of("--dump-dir", dumpDir.toString()));
        parser.parseArgs(args.toArray(String[]::new));
        RunSpec run = recorded.options.spec(parser.getCommandSpec(), recorded.seed);
        String expected = Signature.of(d);
        spec.commandLine().getErr().println("replaying: " + run.command());
        RunOutcome outcome = new ChildRun(Installation.locate()).run(run);
        spec.commandLine().getOut().println(outcome.line());
        spec.commandLine().getOut().println(outcome.signature().equals(expected)
                ? "same signature as the dump: " + expected
                : "different: the dump has " + expected + ", the replay " + outcome.outcome() + " "
                        + outcome.signature());
        return ExitCodes.OK;
    }
}
