package wedge.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A pause the agent injected at a point: the event's duration is the time the thread was held, its thread the
 * thread that paused, so JDK Mission Control shows it on that thread's lane next to GC and safepoints.
 *
 * <p>Created only on the pause path, never per access, and only once JFR has started ({@link JfrState}): then,
 * when no recording asks for it, {@code begin} and {@code shouldCommit} are free and the object does not escape.
 */
@Name("wedge.Pause")
@Label("Wedge Pause")
@Category("Wedge")
@Description("A pause injected by the Wedge agent at a race point to widen a race window")
@StackTrace(false)
public final class PauseEvent extends jdk.jfr.Event {
    /** The point's name in the point table. */
    @Label("Point")
    public String point;

    /** The enclosing method of the access, as {@code Method#toString()} renders it. */
    @Label("Site")
    public String site;

    /** The agent's ordinal of the paused thread, as events in a dump name it ({@code T3}). */
    @Label("Thread Ordinal")
    public int ordinal;

    /** The pause the strategy asked for; the event's duration is the pause the thread got. */
    @Label("Planned")
    @Timespan(Timespan.NANOSECONDS)
    public long planned;

    /**
     * A pause event begun now, to be ended with {@link #ended}. Call only once {@link JfrState#started()}: this
     * loads the event class.
     */
    public static PauseEvent begun() {
        PauseEvent event = new PauseEvent();
        event.begin();
        return event;
    }

    /** Ends the pause now and commits it if a recording asks for it. */
    public void ended(String point, String site, int ordinal, long planned) {
        end();
        if (shouldCommit()) {
            this.point = point;
            this.site = site;
            this.ordinal = ordinal;
            this.planned = planned;
            commit();
        }
    }
}
