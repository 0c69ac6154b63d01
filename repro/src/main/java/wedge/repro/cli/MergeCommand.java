package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import wedge.repro.sweep.OutcomeTable;

/** {@code wedge merge}: joins the result files of a sharded sweep. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        header = "Joins sweep result files into one and prints the outcome table of each case.",
        description = {"Joins sweep result files (e.g. one per shard) into one, keeping one result per case and",
            "seed, and prints the outcome table of each case."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "result files to join")
    private List<Path> files;

    @Option(names = "--out", required = true, description = "the joined result file (overwritten)")
    private Path out;

    @Override
    public Integer call() throws IOException {
        Map<String, JsonNode> unique = new LinkedHashMap<>();
        for (Path f : files) {
            Usage.require(spec, Files.isRegularFile(f), f + ": no such result file");
            for (JsonNode r : SweepInputs.results(spec, f)) {
                unique.putIfAbsent(r.path("case").asText() + "\u0000" + r.path("seed").asLong(), r);
            }
        }
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".merge-", ".tmp");
        // made here, not in a static field: picocli instantiates every command for `wedge --help`, and an
        // ObjectMapper's set-up (Jackson's classes, the locale data of its date format) is a fifth of that start
        ObjectMapper json = new ObjectMapper();
        StringBuilder text = new StringBuilder();
        for (JsonNode r : unique.values()) {
            text.append(json.writeValueAsString(r)).append('\n');
        }
        Files.writeString(tmp, text);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Map<String, List<JsonNode>> byCase = new LinkedHashMap<>();
        unique.values().forEach(r -> byCase.computeIfAbsent(r.path("case").asText(), k -> new ArrayList<>())
                .add(r));
        spec.commandLine().getErr().printf("merge: %d results from %d files into %s%n", unique.size(), files.size(),
                out);
        byCase.forEach((c, results) -> {
            spec.commandLine().getOut().println("case: " + c);
            OutcomeTable.of(results).print(spec.commandLine().getOut());
        });
        return ExitCodes.OK;
    }
}
