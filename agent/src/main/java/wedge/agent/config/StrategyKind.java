package wedge.agent.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The strategies a user can choose with {@code strategy=}. A new strategy is a new constant here plus its
 * {@code Strategy} in {@code wedge.agent.Strategies}.
 */
public enum StrategyKind {
    /** Points are disarmed: they only perform their access. Faults are still captured. */
    OFF("off", false, false),
    /** Seeded random pauses at points, free-running threads; see {@code wedge.agent.strategy.NoiseStrategy}. */
    NOISE("noise", true, false),
    /**
     * Learns near misses, pauses only at their sites and traps the other thread in the act; see
     * {@code wedge.agent.hunt.HuntStrategy}.
     */
    HUNT("hunt", true, false),
    /** One thread at a time; at every point the seed picks the next; see {@code wedge.agent.schedule}. */
    CONTROLLED("controlled", true, true),
    /** One thread at a time, in the order a script states; see {@code wedge.agent.schedule.Script}. */
    SCRIPT("script", true, true);

    private final String id;
    private final boolean armed;
    private final boolean schedules;

    StrategyKind(String id, boolean armed, boolean schedules) {
        this.id = id;
        this.armed = armed;
        this.schedules = schedules;
    }

    /** The name users type. */
    public String id() {
        return id;
    }

    /** Whether points record events and call the strategy under this kind. */
    public boolean armed() {
        return armed;
    }

    /**
     * Whether this kind runs threads one at a time: then the agent also hooks {@code Thread.start}, so that a
     * scheduled thread's children join the schedule in their parent's program order.
     */
    public boolean schedules() {
        return schedules;
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
