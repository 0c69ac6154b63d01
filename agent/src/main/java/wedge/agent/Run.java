package wedge.agent;

import java.util.List;
import java.util.Set;
import wedge.agent.capture.Capture;
import wedge.agent.capture.HangWatchdog;
import wedge.agent.config.AgentOptions;
import wedge.agent.hunt.PairsFile;
import wedge.agent.points.Point;
import wedge.agent.runtime.Dispatcher;
import wedge.agent.runtime.EventLog;
import wedge.agent.runtime.RaceLog;
import wedge.agent.runtime.Stopper;
import wedge.agent.runtime.Strategy;
import wedge.agent.runtime.ThreadRegistry;
import wedge.agent.schedule.Script;

/**
 * One run's state: thread ordinals, event logs, stop, strategy and capture, all fresh, so that a run started with a
 * seed behaves as that seed's first run in a new JVM would (ordinals from 1, hit counts from 0, one dump).
 *
 * @param strategy the strategy; a run whose kind is {@code off} gets one that does nothing, so its points still
 *                 record events when the agent was loaded armed
 */
record Run(AgentOptions options, ThreadRegistry threads, EventLog ring, Strategy strategy, Capture capture,
           Dispatcher dispatcher) {
    private static final Strategy NONE = (thread, point, hit, subject, value, site) -> { };

    /**
     * A fresh run for {@code options}; starts the strategy's own threads, if it has any.
     *
     * @param pairs the pairs file read under {@code strategy=hunt,pairs=FILE}, else null
     */
    static Run create(AgentOptions options, List<Point> points, Script script, PairsFile pairs) {
        ThreadRegistry threads = new ThreadRegistry(options.ring());
        EventLog ring = new EventLog(threads, options.ring());
        Stopper stopper = new Stopper();
        RaceLog races = new RaceLog();
        Strategy created = Strategies.create(options, points, script, pairs, races, stopper);
        Strategy strategy = created == null ? NONE : created;
        Capture capture = new Capture(options, points, threads, ring, stopper, created, races);
        races.handler(capture);
        return new Run(options, threads, ring, strategy, capture,
                new Dispatcher(threads, ring, stopper, strategy, capture));
    }

    /**
     * Starts this run's hang watchdog when its points are armed and it has a hang timeout; it stands down when the
     * run's capture retires, so each run, the first and every one a {@code Control.begin} starts, has its own.
     *
     * @param woven live set of the classes the agent wove
     */
    void watch(Set<String> woven) {
        if (options.strategy().armed() && options.hangTimeoutNanos() > 0) {
            new HangWatchdog(options.hangTimeoutNanos(), ring, threads, woven, capture).start();
        }
    }
}
