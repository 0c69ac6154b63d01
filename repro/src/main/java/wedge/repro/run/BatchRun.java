package wedge.repro.run;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Runs seeds one after another, up to {@code batch} of them in each child JVM ({@link BatchChild}), starting a new
 * child when the case changes, the child has run its share, or its JVM ended. With {@code batch} 1 a built-in
 * workload runs in a one-run child ({@link ChildRun}) as it always has; so does a user's program without an entry,
 * whose {@code main} runs once per JVM, and agent mode {@code idle}, whose disarmed points cannot begin a run. A
 * program with an entry always runs in a batch child, even alone, so that a seed means the same in a sweep and in
 * its replay.
 *
 * <p>A child that dies while it runs a seed (killed, or gone without a word) loses that seed only: it runs again in a
 * new child, and after {@link #DEATHS} such deaths it is an {@code error} naming them. A death that is the seed's
 * own ending, as a hang's dump and halt, is its result.
 */
final class BatchRun implements AutoCloseable {
    /** Deaths of a child while it ran one seed after which the seed is an error. */
    static final int DEATHS = 2;

    private final Installation installation;
    private final ChildRun launcher;
    private final int batch;
    private final Consumer<String> notes;
    private BatchChild child;

    /** Runs with the parts of {@code installation}, at most {@code batch} (at least 1) seeds per child JVM. */
    BatchRun(Installation installation, int batch, Consumer<String> notes) {
        this.notes = notes;
        this.installation = installation;
        this.launcher = new ChildRun(installation);
        this.batch = batch;
    }

    /** Whether {@code spec} runs in a batch child at {@code batch} seeds per JVM. */
    static boolean batched(RunSpec spec, int batch) {
        if (spec.program() != null) {
            return spec.program().entry() != null;
        }
        return batch > 1 && !spec.agent().equals("idle");
    }

    /**
     * Runs {@code spec} and says what came of it.
     *
     * @throws AgentRefused         when the agent refused the case's options: no seed of it can run
     * @throws InterruptedException when this process was told to stop before the seed ended; there is no result
     */
    synchronized RunOutcome run(RunSpec spec) throws IOException, InterruptedException {
        if (!batched(spec, batch)) {
            return launcher.run(spec);
        }
        StringBuilder deaths = new StringBuilder();
        for (int died = 0; ; ) {
            if (child != null && !child.takes(spec, batch)) {
                close();
            }
            if (child == null) {
                child = BatchChild.start(installation, launcher, spec);
            }
            BatchChild.Ending e;
            try {
                e = child.run(spec);
            } catch (AgentRefused | InterruptedException stop) {
                close(); // a child whose agent refused a run's options waits for the next seed: end it
                throw stop;
            }
            if (e.childOver()) {
                close();
            }
            RunOutcome o = e.outcome();
            if (!e.died() || !o.outcome().equals("error")) {
                return o;
            }
            died++;
            deaths.append(deaths.isEmpty() ? "" : "; ").append(o.signature());
            notes.accept("seed " + o.seed() + ": its batch JVM died under it (" + o.signature() + ")"
                    + (died < DEATHS ? "; running it again in a new JVM" : "; that is twice: the seed is an error"));
            if (died == DEATHS) {
                return new RunOutcome(o.seed(), "error", "batch:died-twice", o.ttrMs(), o.ops(), null, null, 0,
                        "its JVM died twice while running this seed (" + deaths + "); the last words: " + o.detail(),
                        o.script(), null, true, null);
            }
        }
    }

    /** Ends the child JVM, if one runs: it ends after the seed under way, if any. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (child != null) {
            BatchChild c = child;
            child = null;
            c.close();
        }
    }
}
