package wedge.repro.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import wedge.repro.dump.BadDump;
import wedge.repro.dump.DumpFile;
import wedge.repro.run.RunSpec;

/**
 * The case a dump recorded, read back from its replay command ({@code scripts/wedge run ...}), for the commands that
 * run it again: {@code replay} and {@code minimize}.
 *
 * @param dump the dump
 * @param run  the recorded case, writing its dumps to the directory the caller chose
 */
record RecordedCase(JsonNode dump, RunSpec run) {
    private static final String PREFIX = "scripts/wedge run ";

    /** The options of the recorded {@code wedge run}. */
    @Command(name = "run")
    static final class Recorded {
        @Mixin
        CaseOptions options;

        @Option(names = "--seed")
        long seed;
    }

    /**
     * Reads {@code file}; a dump that is not a dump, or was not made by {@code wedge run}, is a usage error of
     * {@code spec}.
     */
    static RecordedCase load(CommandSpec spec, Path file, Path dumpDir) {
        JsonNode d;
        try {
            d = DumpFile.load(file);
        } catch (BadDump e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String command = d.path("replay").path("command").asText("");
        Usage.require(spec, command.startsWith(PREFIX), file + ": not made by 'wedge run', so wedge cannot run it "
                + "again; its recorded command is: " + (command.isEmpty() ? "(none)" : command));
        Recorded recorded = new Recorded();
        CommandLine parser = new CommandLine(recorded);
        List<String> args = new ArrayList<>(Arrays.asList(command.substring(PREFIX.length()).trim().split("\\s+")));
        args.addAll(0, List.of("--dump-dir", dumpDir.toString()));
        parser.parseArgs(args.toArray(String[]::new));
        return new RecordedCase(d, recorded.options.spec(parser.getCommandSpec(), recorded.seed));
    }

    /** The trace hash the dump recorded under a scheduling strategy, else null. */
    static String traceHash(JsonNode dump) {
        JsonNode h = dump.path("schedule").path("traceHash");
        return h.isTextual() ? h.asText() : null;
    }
}
