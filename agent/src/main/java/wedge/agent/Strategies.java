package wedge.agent;

import java.util.List;
import wedge.agent.config.AgentOptions;
import wedge.agent.points.Point;
import wedge.agent.runtime.Stopper;
import wedge.agent.runtime.Strategy;
import wedge.agent.schedule.Scheduler;
import wedge.agent.schedule.Script;
import wedge.agent.strategy.NoiseStrategy;

/** Builds the strategy the options ask for. */
final class Strategies {
    private Strategies() {
    }

    /**
     * The strategy for {@code options}, or null when its kind leaves points disarmed.
     *
     * @param script the parsed script under {@code strategy=script}, else null
     */
    static Strategy create(AgentOptions options, List<Point> points, Script script, Stopper stopper) {
        switch (options.strategy()) {
            case NOISE:
                return new NoiseStrategy(options.seed(), options.p(), options.pause(), options.durationNanos(),
                        points);
            case CONTROLLED:
            case SCRIPT:
                return Scheduler.start(options, points, script, stopper);
            case OFF:
                return null;
            default:
                throw new AssertionError(options.strategy());
        }
    }
}
