package wedge.agent.bootstrap;

/**
 * Hands the agent's {@link Sink} to {@link Hooks} before any woven code runs.
 *
 * <p>Kept apart from {@link Hooks} so that {@link Hooks} is initialised only by the first woven call, after
 * {@link #install} ran: its {@code static final} copies of the sink and the armed flag are then constants the JIT
 * folds, which is what makes a disarmed point free.
 */
public final class HookWiring {
    private static volatile Sink sink;
    private static volatile boolean armed;

    private HookWiring() {
    }

    /**
     * Installs the sink. Must happen once, before the agent weaves any class.
     *
     * @param target where events and faults go
     * @param armedPoints whether points record and run the strategy; when false they only perform their access
     * @throws IllegalStateException when a sink is already installed (the agent was loaded twice)
     */
    public static synchronized void install(Sink target, boolean armedPoints) {
        if (sink != null) {
            throw new IllegalStateException("the Wedge agent is already loaded in this JVM");
        }
        armed = armedPoints;
        sink = target;
    }

    /**
     * Takes the sink back after an attach whose weaving failed and was undone: the JVM shows no agent again. The
     * hook classes stay on the bootstrap path, so a later attach is refused as "already loaded".
     */
    public static synchronized void uninstall() {
        sink = null;
    }

    static Sink sink() {
        return sink;
    }

    static boolean armed() {
        return armed;
    }

    /** Whether an agent has installed its sink in this JVM. */
    public static boolean installed() {
        return sink != null;
    }

    /**
     * Events recorded so far, or -1 when no agent is loaded. Public so that a program can show the agent's status
     * by reflection without depending on the agent.
     */
    public static long eventCount() {
        Sink s = sink;
        return s == null ? -1 : s.events();
    }
}
