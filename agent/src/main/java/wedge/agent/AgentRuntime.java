package wedge.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import wedge.agent.bootstrap.Control;
import wedge.agent.bootstrap.HookWiring;
import wedge.agent.capture.Environment;
import wedge.agent.capture.PausedAtExit;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.Durations;
import wedge.agent.hunt.PairsFile;
import wedge.agent.log.Log;
import wedge.agent.points.Point;
import wedge.agent.runtime.AgentThread;
import wedge.agent.runtime.RunSwitch;
import wedge.agent.schedule.Script;
import wedge.agent.weave.WeaveRefused;
import wedge.agent.weave.WeaveSetup;

/**
 * Wires the agent together once the hook classes are on the bootstrap path. Order matters: the sink is installed
 * before any class is woven, so the first woven call already finds it.
 */
final class AgentRuntime {
    private AgentRuntime() {
    }

    /**
     * @param script the parsed script under {@code strategy=script}, else null
     * @param pairs  the pairs file read under {@code strategy=hunt,pairs=FILE}, else null
     * @throws wedge.agent.weave.WeaveRefused when attached and a loaded class cannot be woven; nothing is then
     *                                        armed, woven or started
     */
    static void start(AgentOptions options, List<Point> points, Script script, PairsFile pairs, Instrumentation inst,
                      WeaveSetup weaving) {
        try {
            Log.configure(options.log(), options.logFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open log-file " + options.logFile() + ": " + e, e);
        }
        Run run = Run.create(options, points, script, pairs);
        boolean armed = options.strategy().armed();
        // Points report to no run until the agent has started: what the start-up itself does in classes that carry
        // points (a profile on java.util.HashMap) is not the application's.
        RunSwitch runs = new RunSwitch(null);
        HookWiring.install(runs, armed);
        Set<String> woven = ConcurrentHashMap.newKeySet();
        Runnable weaver;
        try {
            weaver = weaving.weavePoints(points, options.faultTypes(), woven);
        } catch (WeaveRefused e) {
            HookWiring.uninstall();
            throw e;
        }
        Coverage coverage = new Coverage(inst, points, options.faultTypes());
        RunControl control = new RunControl(options, points, weaving, runs, run, woven, coverage);
        Control.install(control);
        Runtime.getRuntime().addShutdownHook(AgentThread.shutdownHook(() -> {
            // the run under way when the JVM ends, which a Control.begin may have replaced; counted before the
            // strategy's close, which may end pauses
            Run last = control.current();
            if (last != null) {
                PausedAtExit.report(last.threads());
                last.strategy().close();
            }
            coverage.check(options.unmatched());
        }, "wedge-end"));
        // Beside main, not before it: a class that needs the weaver waits for it (on a cache miss); then what a dump
        // would otherwise read while its fault waits.
        AgentThread.daemon(() -> {
            weaver.run();
            Environment.readAhead();
        }, "wedge-warm-up").start();
        if (options.strategy().schedules()) {
            weaving.weaveThreadStart();
        }
        run.watch(woven);
        runs.set(run.dispatcher());
        Log.info("strategy " + options.strategy().id() + ", seed " + options.seed() + ", " + points.size()
                + " points from " + options.points() + ", dumps to " + options.dumpDir()
                + (armed && options.hangTimeoutNanos() > 0
                ? ", hang timeout " + Durations.format(options.hangTimeoutNanos()) : ""));
    }
}
