package wedge.agent.bootstrap;

/**
 * The agent's in-process control, for a test harness that runs many seeds in one JVM: each {@link #begin} starts a
 * fresh run (new seed and strategy, thread ordinals from 1, an empty event ring, a capture that may write its own
 * dump), {@link #end} reports the run's dump and disarms the points until the next run. The points woven and the
 * fault types are those the agent was loaded with; they cannot change within a JVM.
 *
 * <p>A caller reaches this class through the bootstrap class loader ({@code Class.forName(
 * "wedge.agent.bootstrap.Control", true, null)}) and calls it by reflection, so it never needs the agent on its
 * class path. Runs do not nest: one run at a time per JVM.
 */
public final class Control {
    private static volatile Controller controller;

    private Control() {
    }

    /**
     * Installs the agent's controller; once per JVM, when the agent starts.
     *
     * @throws IllegalStateException when one is already installed
     */
    public static synchronized void install(Controller c) {
        if (controller != null) {
            throw new IllegalStateException("the Wedge agent is already loaded in this JVM");
        }
        controller = c;
    }

    /** Whether an agent is loaded in this JVM. */
    public static boolean available() {
        return controller != null;
    }

    /** See {@link Controller#begin}. */
    public static void begin(String options) {
        require().begin(options);
    }

    /** See {@link Controller#end}. */
    public static String end() {
        return require().end();
    }

    /** See {@link Controller#unmatched}. */
    public static String unmatched() {
        return require().unmatched();
    }

    private static Controller require() {
        Controller c = controller;
        if (c == null) {
            throw new IllegalStateException("no Wedge agent is loaded in this JVM");
        }
        return c;
    }
}
