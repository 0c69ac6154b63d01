package wedge.repro.run;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs cases from any number of threads at once, each run in a {@link BatchRun} no other thread uses meanwhile: a
 * thread takes an idle one (or a new one) for the run and gives it back after, so as many child JVMs live as runs
 * go on at once, and each runs seed after seed. What {@code sweep}, {@code verify-fix} and {@code minimize} run their
 * seeds and candidates through.
 */
public final class RunPool implements AutoCloseable {
    private final Installation installation;
    private final int batch;
    private final Consumer<String> notes;
    private final Deque<BatchRun> idle = new ArrayDeque<>();
    private final List<BatchRun> all = new ArrayList<>();

    /**
     * Runs with the parts of {@code installation}, at most {@code batch} seeds per child JVM.
     *
     * @param notes told, one line each, when a child died under a seed that then runs again in a new child
     * @throws IllegalArgumentException when {@code batch} is below 1
     */
    public RunPool(Installation installation, int batch, Consumer<String> notes) {
        if (batch < 1) {
            throw new IllegalArgumentException("a batch is at least 1 seed, not " + batch);
        }
        this.installation = installation;
        this.batch = batch;
        this.notes = notes;
    }

    /** A pool that runs each seed in a JVM of its own, but a program's entry in a batch child of one seed. */
    public static RunPool single(Installation installation) {
        return new RunPool(installation, 1, note -> { });
    }

    /** Whether {@code spec}'s seeds run many to a JVM here; else each in a JVM of its own. */
    public boolean batches(RunSpec spec) {
        return BatchRun.batched(spec, batch);
    }

    /** The java command of the child JVM that runs {@code spec}: its own, or its batch's (seeds come on stdin). */
    public List<String> command(RunSpec spec) {
        ChildRun launcher = new ChildRun(installation);
        return batches(spec) ? BatchChild.command(installation, launcher, spec) : launcher.command(spec);
    }

    /**
     * Runs {@code spec} and says what came of it; see {@link BatchRun#run}.
     *
     * @throws AgentRefused         when the agent refused the case's options: no seed of it can run
     * @throws InterruptedException when this process was told to stop before the run ended; there is no result
     */
    public RunOutcome run(RunSpec spec) throws IOException, InterruptedException {
        BatchRun runner = take();
        boolean done = false;
        try {
            RunOutcome o = runner.run(spec);
            done = true;
            return o;
        } finally {
            if (done) {
                giveBack(runner);
            } else {
                runner.close();
            }
        }
    }

    private synchronized BatchRun take() {
        if (!idle.isEmpty()) {
            return idle.pop();
        }
        BatchRun r = new BatchRun(installation, batch, notes);
        all.add(r);
        return r;
    }

    private synchronized void giveBack(BatchRun runner) {
        idle.push(runner);
    }

    /** Ends every child JVM still running. */
    @Override
    public void close() throws InterruptedException {
        List<BatchRun> runners;
        synchronized (this) {
            runners = List.copyOf(all);
            all.clear();
            idle.clear();
        }
        for (BatchRun r : runners) {
            r.close();
        }
    }
}
