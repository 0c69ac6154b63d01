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
import wedge.agent.capture.HangWatchdog;
import wedge.agent.capture.PausedAtExit;
import wedge.agent.capture.UncaughtFaults;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.Durations;
import wedge.agent.hunt.PairsFile;
import wedge.agent.log.Log;
import wedge.agent.points.AutoFields;
import wedge.agent.points.Point;
import wedge.agent.runtime.RunSwitch;
import wedge.agent.schedule.Script;
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
     */
    static void start(AgentOptions options, List<Point> points, AutoFields auto, Script script, PairsFile pairs,
                      Instrumentation inst, WeaveSetup weaving) {
        try {
            Log.configure(options.log(), options.logFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open log-file " + options.logFile() + ": " + e, e);
        }
        Run run = Run.create(options, points, script, pairs);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // counted before the strategy's close, which may end pauses
            PausedAtExit.report(run.threads());
            run.strategy().close();
        }, "wedge-end"));
        boolean armed = options.strategy().armed();
        RunSwitch runs = new RunSwitch(run.dispatcher());
        HookWiring.install(runs, armed);
        if (auto != null) {
            SoleThreads.install(auto.count());
            initialise(AutoHooks.class);
        }
        if (options.faultTypes().isEmpty()) {
            UncaughtFaults.install(runs::uncaught);
        }
        Control.install(new RunControl(options, points, weaving, runs, run));
        Set<String> woven = ConcurrentHashMap.newKeySet();
        Runnable weaver = weaving.weavePoints(points, auto, options.faultTypes(), woven);
        // Beside main, not before it: a class that needs the weaver waits for it (on a cache miss); then what a dump
        // would otherwise read while its fault waits.
        Thread warmUp = new Thread(() -> {
            weaver.run();
            Environment.readAhead();
        }, "wedge-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        if (options.strategy().schedules()) {
            weaving.weaveThreadStart();
        }
        if (armed && options.hangTimeoutNanos() > 0) {
            new HangWatchdog(options.hangTimeoutNanos(), run.ring(), run.threads(), woven, run.capture())
                    .start();
        }
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
