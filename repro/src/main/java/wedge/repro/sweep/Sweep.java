package wedge.repro.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import wedge.repro.run.AgentRefused;
import wedge.repro.run.ChildProcesses;
import wedge.repro.run.RunOutcome;
import wedge.repro.run.RunPool;
import wedge.repro.run.RunSpec;

/**
 * Runs cases over many seeds, {@code parallel} child JVMs at a time, each running one seed or a batch of them one
 * after another ({@link RunPool}), appending each result to a {@link ResultFile} as its seed ends. Seeds the file already holds for the same case are not run again. The loop of
 * {@code wedge sweep} (one case) and {@code wedge verify-fix} (a case per preset). Seeds are taken one at a time as
 * a child JVM comes free, so a range of any size costs no memory up front.
 *
 * <p>Only results are recorded: a run cut short by a stop of this process, or whose JVM something outside it
 * killed, leaves no line, so a resumed sweep runs that seed again and counts it once.
 */
public final class Sweep {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunPool runs;
    private final int parallel;

    /** A sweep that runs its seeds through {@code runs}, {@code parallel} at a time. */
    public Sweep(RunPool runs, int parallel) {
        this.runs = runs;
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
     * @throws AgentRefused         when the agent refuses the case's options: no seed can run
     * @throws IOException          when a run could not be carried out or the result file not written
     * @throws InterruptedException when this process was told to stop: what finished is in the file
     */
    public Map<String, List<JsonNode>> run(Map<String, RunSpec> cases, Seeds seeds, List<JsonNode> existing,
                                           Path out, PrintWriter err, boolean terminal)
            throws IOException, InterruptedException {
        Map<String, List<JsonNode>> byCase = new LinkedHashMap<>();
        Runnable resumeHint = () -> {
            err.printf("sweep: stopped; the results so far are in %s: run the same command again to resume, it does "
                    + "not run their seeds again%n", out);
            err.flush();
        };
        try (ResultFile file = ResultFile.append(out)) {
            // registered after the file's own close on a stop, so it prints once the last result is in
            ChildProcesses.onStop(resumeHint);
            if (file.unlocked() != null) {
                err.printf("sweep: cannot lock %s (%s); going on without the lock: run no other sweep on it%n", out,
                        file.unlocked());
            }
            for (Map.Entry<String, RunSpec> c : cases.entrySet()) {
                List<JsonNode> results = new ArrayList<>(ofCase(c.getValue(), seeds, existing));
                Set<Long> covered = new HashSet<>();
                results.forEach(r -> covered.add(r.path("seed").asLong()));
                long todo = seeds.count() - covered.size();
                err.printf("%s: %d seeds, %d already in %s, running %d, %d at a time, %s%n", c.getKey(),
                        seeds.count(), covered.size(), out, todo, parallel, runs.batches(c.getValue())
                                ? "many per JVM (--batch)" : "each in a JVM of its own");
                results.addAll(run(c.getValue(), seeds.without(covered), file, new Progress(err, terminal, todo),
                        err));
                byCase.put(c.getKey(), results);
            }
        } finally {
            // on a stop the hint stays, for the stop to print once the file is closed
            if (!ChildProcesses.stopping()) {
                ChildProcesses.forget(resumeHint);
            }
        }
        return byCase;
    }

    /**
     * Those of {@code results} that belong to {@code spec}'s case and one of {@code seeds}, the first of each seed
     * only: a seed is counted once however many lines hold it.
     */
    private static List<JsonNode> ofCase(RunSpec spec, Seeds seeds, List<JsonNode> results) {
        Set<Long> seen = new HashSet<>();
        return results.stream().filter(r -> r.path("case").asText().equals(spec.caseKey())
                && seeds.contains(r.path("seed").asLong()) && seen.add(r.path("seed").asLong())).toList();
    }

    /**
     * Runs {@code spec} under each of {@code seeds}; returns their result lines, in seed order.
     *
     * @throws AgentRefused         when the agent refuses the case's options: no seed can run
     * @throws IOException          when a run could not be carried out or the result file not written
     * @throws InterruptedException when this process was told to stop: what finished is in the file
     */
    private List<JsonNode> run(RunSpec spec, Iterator<Long> seeds, ResultFile out, Progress progress,
                               PrintWriter err) throws IOException, InterruptedException {
        List<JsonNode> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            ExecutorCompletionService<Void> workers = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < parallel; i++) {
                workers.submit(() -> {
                    work(spec, seeds, out, progress, results, err);
                    return null;
                });
            }
            for (int i = 0; i < parallel; i++) {
                workers.take().get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AgentRefused refused) {
                throw refused;
            }
            if (e.getCause() instanceof InterruptedException stopped) {
                throw stopped;
            }
            if (e.getCause() instanceof ResultFile.WriteFailed unwritten) {
                throw unwritten;
            }
            throw new IOException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        results.sort(Comparator.comparingLong(r -> r.path("seed").asLong()));
        return results;
    }

    private void work(RunSpec spec, Iterator<Long> seeds, ResultFile out, Progress progress, List<JsonNode> results,
                      PrintWriter err) throws IOException, InterruptedException {
        while (true) {
            long seed;
            synchronized (seeds) {
                if (!seeds.hasNext()) {
                    return;
                }
                seed = seeds.next();
            }
            RunSpec s = spec.withSeed(seed);
            RunOutcome o = runs.run(s);
            if (o.killed()) {
                synchronized (err) {
                    err.printf("sweep: seed %d: its JVM was %s from outside; no result recorded, a resumed sweep "
                            + "runs it again%n", seed, o.signature());
                    err.flush();
                }
                progress.done("killed");
                continue;
            }
            Map<String, Object> line = line(s, o);
            out.write(line);
            progress.done(o.outcome());
            synchronized (results) {
                results.add(JSON.valueToTree(line));
            }
        }
    }
}
