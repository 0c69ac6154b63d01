package wedge.repro.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import wedge.repro.run.ChildRun;
import wedge.repro.run.RunOutcome;
import wedge.repro.run.RunSpec;

/**
 * Runs cases over many seeds, {@code parallel} child JVMs at a time, appending each result to a
 * {@link ResultFile} as it ends. Seeds the file already holds for the same case are not run again. The loop of
 * {@code wedge sweep} (one case) and {@code wedge verify-fix} (a case per preset).
 */
public final class Sweep {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildRun child;
    private final int parallel;

    public Sweep(ChildRun child, int parallel) {
        this.child = child;
        this.parallel = parallel;
    }

    /** The result line of one run: the outcome, the case it belongs to, and the command that replays it. */
    static Map<String, Object> line(RunSpec spec, RunOutcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>(outcome.toMap());
        m.put("preset", spec.preset());
        m.put("case", spec.caseKey());
        m.put("command", spec.command());
        return m;
    }

    /**
     * Runs each of {@code cases} over {@code seeds}, skipping the seeds {@code existing} results already hold for
     * it, appending every new result to {@code out}; says on {@code err} what it runs, with a progress line per case.
     *
     * @param cases    the cases by label, in the order to run them
     * @param terminal whether {@code err} is a terminal, for the progress line
     * @return each case's results, by label in the order of {@code cases}: those already in {@code out} first
     * @throws IOException when a run could not be carried out or the result file not written
     */
    public Map<String, List<JsonNode>> run(Map<String, RunSpec> cases, List<Long> seeds, List<JsonNode> existing,
                                           Path out, PrintWriter err, boolean terminal)
            throws IOException, InterruptedException {
        Map<String, List<JsonNode>> byCase = new LinkedHashMap<>();
        try (ResultFile file = ResultFile.append(out)) {
            for (Map.Entry<String, RunSpec> c : cases.entrySet()) {
                List<JsonNode> results = new ArrayList<>(ofCase(c.getValue(), seeds, existing));
                Set<Long> covered = results.stream().map(r -> r.path("seed").asLong()).collect(Collectors.toSet());
                List<Long> todo = seeds.stream().filter(seed -> !covered.contains(seed)).toList();
                err.printf("%s: %d seeds, %d already in %s, running %d, %d at a time%n", c.getKey(), seeds.size(),
                        seeds.size() - todo.size(), out, todo.size(), parallel);
                results.addAll(run(c.getValue(), todo, file, new Progress(err, terminal, todo.size())));
                byCase.put(c.getKey(), results);
            }
        }
        return byCase;
    }

    /** Those of {@code results} that belong to {@code spec}'s case and one of {@code seeds}. */
    private static List<JsonNode> ofCase(RunSpec spec, List<Long> seeds, List<JsonNode> results) {
        Set<Long> wanted = new HashSet<>(seeds);
        return results.stream().filter(r -> r.path("case").asText().equals(spec.caseKey())
                && wanted.contains(r.path("seed").asLong())).toList();
    }

    /** Runs {@code spec} under each of {@code seeds}; returns their result lines, in seed order. */
    private List<JsonNode> run(RunSpec spec, List<Long> seeds, ResultFile out, Progress progress)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        try {
            List<Future<JsonNode>> runs = new ArrayList<>();
            for (long seed : seeds) {
                runs.add(pool.submit(() -> {
                    RunSpec s = spec.withSeed(seed);
                    RunOutcome o = child.run(s);
                    Map<String, Object> line = line(s, o);
                    out.write(line);
                    progress.done(o.outcome());
                    return JSON.valueToTree(line);
                }));
            }
            List<JsonNode> results = new ArrayList<>();
            for (Future<JsonNode> f : runs) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IOException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
