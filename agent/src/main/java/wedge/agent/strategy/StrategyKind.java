package wedge.agent.strategy;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The strategies a user can choose with {@code strategy=}. A new strategy ({@code controlled}, {@code script}) is a
 * new constant here plus its {@link Strategy} in {@link Strategies#create}; nothing else changes.
 */
public enum StrategyKind {
    /** Points are disarmed: they only perform their access. Faults are still captured. */
    OFF("off", false),
    /** Seeded random pauses at points, free-running threads; see {@link NoiseStrategy}. */
    NOISE("noise", true);

    private final String id;
    private final boolean armed;

    StrategyKind(String id, boolean armed) {
        this.id = id;
        this.armed = armed;
    }

    /** The name users type. */
    public String id() {
        return id;
    }

    /** Whether points record events and call the strategy under this kind. */
    public boolean armed() {
        return armed;
    }

    /** The kind named {@code id}, or null. */
    public static StrategyKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElse(null);
    }

    /** Every name, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(StrategyKind::id).collect(Collectors.joining(", "));
    }
}
