package wedge.agent;

import java.nio.file.Path;
import java.util.List;
import wedge.agent.config.AgentOptions;
import wedge.agent.points.Point;
import wedge.agent.capture.Sites;
import wedge.agent.hunt.HuntStrategy;
import wedge.agent.hunt.PairsFile;
import wedge.agent.runtime.RaceLog;
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
     * @param pairs  the pairs file under {@code strategy=hunt,pairs=FILE}, else null
     * @param races  where {@code hunt} reports races
     */
    static Strategy create(AgentOptions options, List<Point> points, Script script, PairsFile pairs, RaceLog races,
                           Stopper stopper) {
        switch (options.strategy()) {
            case NOISE:
                return new NoiseStrategy(options.seed(), options.p(), options.pause(), options.durationNanos(),
                        points);
            case HUNT:
                return new HuntStrategy(options.seed(), points, options.hunt(), pairs, races, Sites::shorten,
                        AgentOptions.isAuto(options.points())
                        ? new HuntStrategy.Discovery(Path.of(options.dumpDir()), options.points()) : null);
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
