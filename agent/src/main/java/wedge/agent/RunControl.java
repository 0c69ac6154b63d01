package wedge.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import wedge.agent.bootstrap.Controller;
import wedge.agent.capture.Capture;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.BadConfiguration;
import wedge.agent.hunt.PairsFile;
import wedge.agent.log.Log;
import wedge.agent.points.Point;
import wedge.agent.runtime.RunSwitch;
import wedge.agent.schedule.Script;
import wedge.agent.weave.WeaveSetup;

/**
 * Starts and ends runs in a loaded agent (see {@code wedge.agent.bootstrap.Control}). The weaving is fixed when the
 * agent loads: a run may change its seed, strategy and their options, where dumps go and what they hold, but not
 * which points are woven or which exceptions are faults.
 *
 * <p>Invariant: at most one run is current; {@link #begin} ends the previous one first, so no run's threads, pauses,
 * capture or hang watchdog outlive it into the next. Each run has its own capture and watchdog: a run that faults
 * under {@code on-fault=throw} writes its dump and leaves the JVM to the next run, while a hang (or a fault under
 * {@code on-fault=exit}) still halts the JVM, which a launcher of many runs takes as the end of its JVM.
 */
final class RunControl implements Controller {
    /** How long {@link #end} waits for a capture under way in another thread. */
    private static final long CAPTURE_WAIT_MILLIS = 30_000;

    private final AgentOptions loaded;
    private final List<Point> points;
    private final WeaveSetup weaving;
    private final RunSwitch runs;
    private final Set<String> woven;
    private final Coverage coverage;
    /** The options of the run begun last, or those the agent was loaded with. */
    private AgentOptions last;
    /** Volatile: the JVM's shutdown hook reads it without the lock an {@link #end} may hold for long. */
    private volatile Run current;
    private boolean threadStartWoven;

    /** @param woven live set of the classes the agent wove, which each run's hang watchdog looks for in stacks */
    RunControl(AgentOptions loaded, List<Point> points, WeaveSetup weaving, RunSwitch runs, Run first,
               Set<String> woven, Coverage coverage) {
        this.coverage = coverage;
        this.last = loaded;
        this.loaded = loaded;
        this.points = points;
        this.weaving = weaving;
        this.runs = runs;
        this.woven = woven;
        this.current = first;
        this.threadStartWoven = loaded.strategy().schedules();
    }

    @Override
    public synchronized void begin(String options) {
        if (!loaded.strategy().armed()) {
            throw new IllegalStateException("the Wedge agent in this JVM was loaded with strategy="
                    + loaded.strategy().id() + ": its points only perform their access and cannot be armed");
        }
        AgentOptions next;
        Script script;
        PairsFile pairs;
        try {
            next = loaded.with(options);
            same("points", next.points(), loaded.points(), samePath(next.points(), loaded.points()));
            same("fault-type", next.faultType(), loaded.faultType(),
                    Objects.equals(next.faultType(), loaded.faultType()));
            String path = next.schedule().script();
            script = path == null ? null : Script.load(path, points);
            pairs = PairsFile.open(next, points);
        } catch (BadConfiguration e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        end();
        if (next.strategy().schedules() && !threadStartWoven) {
            weaving.weaveThreadStart();
            threadStartWoven = true;
        }
        current = Run.create(next, points, script, pairs);
        last = next;
        runs.set(current.dispatcher());
        current.watch(woven);
        Log.debug("run: strategy " + next.strategy().id() + ", seed " + next.seed());
    }

    @Override
    public synchronized String end() {
        Run run = current;
        if (run == null) {
            return null;
        }
        current = null;
        Path dump = run.capture().awaitDump(CAPTURE_WAIT_MILLIS);
        runs.set(null);
        run.capture().retire();
        run.strategy().close();
        run.strategy().release();
        return dump == null ? null : dump.toString();
    }

    /** The run under way, or null between an {@link #end} and the next {@link #begin}. */
    Run current() {
        return current;
    }

    @Override
    public String unmatched() {
        return coverage.check(last.unmatched());
    }

    private static boolean samePath(String a, String b) {
        return Path.of(a).toAbsolutePath().normalize().equals(Path.of(b).toAbsolutePath().normalize());
    }

    private static void same(String option, String asked, String woven, boolean same) {
        if (!same) {
            throw new BadConfiguration("bad option " + option + "=" + asked + ": the agent in this JVM was loaded with "
                    + option + "=" + woven + ", woven into classes as they loaded; a run cannot change it (run "
                    + "this in a JVM of its own)");
        }
    }
}
