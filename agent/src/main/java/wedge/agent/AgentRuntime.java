package wedge.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import wedge.agent.bootstrap.Control;
import wedge.agent.bootstrap.AutoHooks;
import wedge.agent.bootstrap.HookWiring;
import wedge.agent.bootstrap.SoleThreads;
import wedge.agent.capture.Environment;
import wedge.agent.capture.PausedAtExit;
import wedge.agent.capture.UncaughtFaults;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.Durations;
import wedge.agent.hunt.PairsFile;
import wedge.agent.log.Log;
import wedge.agent.points.AutoFields;
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
     * @param auto   the fields of {@code points=auto}, whose points {@code points} are; else null
     * @param script the parsed script under {@code strategy=script}, else null
     * @param pairs  the pairs file read under {@code strategy=hunt,pairs=FILE}, else null
     * @throws wedge.agent.weave.WeaveRefused when attached and a loaded class cannot be woven; nothing is then
     *                                        armed, woven or started
     */
    static void start(AgentOptions options, List<Point> points, AutoFields auto, Script script, PairsFile pairs,
                      Instrumentation inst, WeaveSetup weaving) {
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
        if (auto != null) {
            SoleThreads.install(auto.count());
            initialise(AutoHooks.class);
        }
        if (options.faultTypes().isEmpty()) {
            UncaughtFaults.install(runs::uncaught);
        }
        Set<String> woven = ConcurrentHashMap.newKeySet();
        Runnable weaver;
        try {
            weaver = weaving.weavePoints(points, auto, options.faultTypes(), woven);
        } catch (WeaveRefused e) {
            HookWiring.uninstall();
            throw e;
        }
        // automatic points are the agent's finding, not the user's ask: none of them can be unmatched
        Coverage coverage = new Coverage(inst, auto == null ? points : List.of(), options.faultTypes());
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

    /**
     * Initialises a hook class now, once its sink is installed, so that the application's first woven access does
     * not load and link it between the access and the next (a window of a millisecond that no race of the program
     * has, which the first two threads of a gate would race in).
     */
    private static void initialise(Class<?> hooks) {
        try {
            Class.forName(hooks.getName(), true, hooks.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the hook class " + hooks.getName() + " is not on the bootstrap path", e);
        }
    }
}
