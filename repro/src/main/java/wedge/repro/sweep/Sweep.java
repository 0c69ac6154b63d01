package wedge.repro.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import wedge.repro.run.ChildRun;
import wedge.repro.run.RunOutcome;
import wedge.repro.run.RunSpec;

/**
 * Runs one case over many seeds, {@code parallel} child JVMs at a time, appending each result to a
 * {@link ResultFile} as it ends. Seeds the file already holds for the same case are not run again.
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

    /** The seeds of {@code seeds} that {@code existing} results do not already cover for {@code spec}'s case. */
    public static List<Long> remaining(RunSpec spec, List<Long> seeds, List<JsonNode> existing) {
        List<Long> todo = new ArrayList<>(seeds);
        for (JsonNode r : existing) {
            if (r.path("case").asText().equals(spec.caseKey())) {
                todo.remove(r.path("seed").asLong());
            }
        }
        return todo;
    }

    /**
     * Runs {@code spec} under each of {@code seeds}; returns their result lines, in seed order.
     *
     * @throws IOException when a run could not be carried out or the result file not written
     */
    public List<JsonNode> run(RunSpec spec, List<Long> seeds, ResultFile out, Progress progress)
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
