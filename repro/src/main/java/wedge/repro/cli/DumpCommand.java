package wedge.repro.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import wedge.contract.DumpFormat;
import wedge.repro.dump.BadDump;
import wedge.repro.dump.Dump;
import wedge.repro.dump.Explanation;
import wedge.repro.dump.Format;
import wedge.repro.dump.Report;
import wedge.repro.dump.Summary;
import wedge.repro.dump.Timeline;
import wedge.repro.dump.html.HtmlReport;

/**
 * {@code wedge dump show|explain|timeline|json|html DUMP}: reads a crash dump the agent wrote. A dump that cannot be
 * read (missing, empty, cut short, not JSON, another format) is bad input: one line naming the file, exit 2.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Reads a crash dump (a " + DumpFormat.CURRENT + " JSON file written by the agent) and explains "
                + "the crash.")
public final class DumpCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: show, explain, timeline, json or html");
    }

    /** The DUMP argument of every subcommand, with that subcommand's spec, so usage errors name it. */
    static final class DumpArgument {
        @Spec(Spec.Target.MIXEE)
        private CommandSpec spec;

        @Parameters(paramLabel = "DUMP", description = "the dump's .json, as a crash wrote it")
        private Path path;
    }

    /** The {@code --format} option of the report subcommands. */
    static final class FormatOption {
        @Option(names = "--format", defaultValue = "text", paramLabel = "text|markdown",
                description = "text (default) or markdown (tables to paste into a bug report)")
        private String name;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One-screen summary: fault, run, JVM, "
            + "broken slabs, counters, events, race reports, replay (slabs and counters for the allocator only).")
    int show(@Mixin DumpArgument dump, @Mixin FormatOption format) {
        return report(dump, format, Summary::of);
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, description = "FAULT, WHY (the fault address "
            + "with its evidence), SLAB and RACE (the lost update, as a timeline table).")
    int explain(@Mixin DumpArgument dump, @Mixin FormatOption format) {
        return report(dump, format, Explanation::of);
    }

    @Command(name = "timeline", mixinStandardHelpOptions = true, description = "The race table of every lost update "
            + "on a freelist in the event window; for another program, of every race on its fields.")
    int timeline(@Mixin DumpArgument dump, @Mixin FormatOption format) {
        return report(dump, format, Timeline::of);
    }

    @Command(name = "json", mixinStandardHelpOptions = true, description = "The dump pretty-printed, whole or one "
            + "top-level part.")
    int json(@Mixin DumpArgument dump,
             @Option(names = "--part", paramLabel = "NAME",
                     description = "one top-level part: fault, snapshot, events, threads, ...") String part,
             @Option(names = "--format", defaultValue = "json", paramLabel = "json", description = "json, the only "
                     + "format of this command (text and markdown are those of show, explain and timeline)")
             String format)
            throws JsonProcessingException {
        Usage.require(dump.spec, format.equals("json"), "dump json prints JSON only, not '" + format + "'; for "
                + "--format " + format + " use dump show, explain or timeline");
        Dump d = load(dump);
        if (d == null) {
            return ExitCodes.USAGE;
        }
        JsonNode node = d.root();
        if (part != null) {
            node = node.get(part);
            Usage.require(dump.spec, node != null, "no part '" + part + "' in " + dump.path + "; parts: "
                    + parts(d.root()));
        }
        print(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
        return ExitCodes.OK;
    }

    @Command(name = "html", mixinStandardHelpOptions = true, description = {"The explanation and a swimlane per "
            + "thread over the event window, with the lost updates and race reports marked, as one self-contained "
            + "HTML file (opens from file:, prints)."})
    int html(@Mixin DumpArgument dump,
             @Option(names = {"-o", "--out"}, paramLabel = "FILE",
                     description = "where to write it (default: the dump's name with .html)") Path out) {
        Path target = out != null ? out : dump.path.resolveSibling(dump.path.getFileName().toString()
                .replaceFirst("(\\.json)?$", ".html"));
        Path dir = target.toAbsolutePath().getParent();
        Usage.require(dump.spec, Files.isDirectory(dir) && Files.isWritable(dir), "cannot write " + target + ": "
                + dir + " is not a writable directory");
        Dump d = load(dump);
        if (d == null) {
            return ExitCodes.USAGE;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".wedge-html-", ".tmp");
            Files.writeString(tmp, HtmlReport.of(d));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (tmp != null) {
                tmp.toFile().delete();
            }
            spec.commandLine().getErr().println("wedge dump html: cannot write " + target + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.TOOL_FAILED;
        }
        print(target + "\n");
        return ExitCodes.OK;
    }

    private int report(DumpArgument dump, FormatOption option, Function<Dump, Report> make) {
        Format format = Format.named(option.name);
        Usage.require(dump.spec, format != null, "unknown format '" + option.name + "'; valid formats: "
                + Format.names());
        Dump d = load(dump);
        if (d == null) {
            return ExitCodes.USAGE;
        }
        print(make.apply(d).render(format));
        return ExitCodes.OK;
    }

    /** The dump, or null after printing why it cannot be read. */
    private Dump load(DumpArgument dump) {
        try {
            return Dump.load(dump.path);
        } catch (BadDump e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("wedge dump: " + e.getMessage());
            err.flush();
            return null;
        }
    }

    private void print(String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }

    private static String parts(JsonNode root) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> i = root.fieldNames(); i.hasNext(); ) {
            names.add(i.next());
        }
        return String.join(", ", names);
    }
}
