package wedge.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A fault the agent captured, committed in the faulting thread as the capture begins. */
@Name("wedge.Fault")
@Label("Wedge Fault")
@Category("Wedge")
@Description("An instance of a configured fault type was constructed; the Wedge agent captures it")
public final class FaultEvent extends jdk.jfr.Event {
    /** The fault's class name. */
    @Label("Type")
    public String type;

    /** The fault's message. */
    @Label("Message")
    public String message;

    /** The fault address in hex when the fault type has an {@code address()}, else null. */
    @Label("Address")
    public String address;

    /** The agent's ordinal of the faulting thread. */
    @Label("Thread Ordinal")
    public int ordinal;

    /** The seed of the run. */
    @Label("Seed")
    public long seed;

    /**
     * Commits a fault if a recording asks for it. Call only once {@link JfrState#started()}: this loads the event
     * class.
     */
    public static void commit(String type, String message, String address, int ordinal, long seed) {
        FaultEvent event = new FaultEvent();
        if (event.shouldCommit()) {
            event.type = type;
            event.message = message;
            event.address = address;
            event.ordinal = ordinal;
            event.seed = seed;
            event.commit();
        }
    }
}
