package wedge.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
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
 * <p>Invariant: at most one run is current; {@link #begin} ends the previous one first, so no run's threads, pauses
 * or capture outlive it into the next.
 */
final class RunControl implements Controller {
    /** How long {@link #end} waits for a capture under way in another thread. */
    private static final long CAPTURE_WAIT_MILLIS = 30_000;

    private final AgentOptions loaded;
    private final List<Point> points;
    private final WeaveSetup weaving;
    private final RunSwitch runs;
    private Run current;
    private boolean threadStartWoven;

    RunControl(AgentOptions loaded, List<Point> points, WeaveSetup weaving, RunSwitch runs, Run first) {
        this.loaded = loaded;
        this.points = points;
        this.weaving = weaving;
        this.runs = runs;
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
        runs.set(current.dispatcher());
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
        return dump == null ? null : dump.toString();
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
