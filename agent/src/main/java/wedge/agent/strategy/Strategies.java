package wedge.agent.strategy;

import wedge.agent.config.AgentOptions;

/** Builds the strategy the options ask for. */
public final class Strategies {
    private Strategies() {
    }

    /** The strategy for {@code options}, or null when its kind leaves points disarmed. */
    public static Strategy create(AgentOptions options) {
        switch (options.strategy()) {
            case NOISE:
                return new NoiseStrategy(options.seed(), options.p(), options.pause(), options.durationNanos());
            case OFF:
                return null;
            default:
                throw new AssertionError(options.strategy());
        }
    }
}
