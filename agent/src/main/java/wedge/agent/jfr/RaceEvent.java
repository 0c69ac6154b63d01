package wedge.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A race report of {@code hunt}, committed in the paused thread: a trap (another thread caught at a conflicting
 * access of the same subject during the pause, named by the {@code other} fields) or a stale read (the field changed
 * under the pause and nobody was caught; the {@code other} fields are empty).
 */
@Name("wedge.Race")
@Label("Wedge Race")
@Category("Wedge")
@Description("Two threads accessed the same subject at once, one of them writing")
public final class RaceEvent extends jdk.jfr.Event {
    /** {@code trap} or {@code stale-read}, as in the dump's race reports. */
    @Label("Kind")
    public String kind;

    /** The subject both accesses touched ({@code ss0/slab5}). */
    @Label("Subject")
    public String subject;

    /** The paused thread's point. */
    @Label("Point")
    public String point;

    /** The paused thread's site. */
    @Label("Site")
    public String site;

    /** The caught thread's name; null for a stale read. */
    @Label("Other Thread")
    public String otherThread;

    /** The caught thread's point. */
    @Label("Other Point")
    public String otherPoint;

    /** The caught thread's site. */
    @Label("Other Site")
    public String otherSite;

    /**
     * Commits a report if a recording asks for it; {@code other*} are null for a stale read. Call only once
     * {@link JfrState#started()}: this loads the event class.
     */
    public static void commit(String kind, String subject, String point, String site, String otherThread,
                              String otherPoint, String otherSite) {
        RaceEvent event = new RaceEvent();
        if (event.shouldCommit()) {
            event.kind = kind;
            event.subject = subject;
            event.point = point;
            event.site = site;
            event.otherThread = otherThread;
            event.otherPoint = otherPoint;
            event.otherSite = otherSite;
            event.commit();
        }
    }
}
