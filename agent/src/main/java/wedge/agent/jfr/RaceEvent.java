package wedge.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A race caught in the act: two threads at conflicting accesses of one subject at the same time. Committed in the
 * thread whose access was trapped; the other side is named by its fields.
 */
@Name("wedge.Race")
@Label("Wedge Race")
@Category("Wedge")
@Description("Two threads accessed the same subject at once, one of them writing")
public final class RaceEvent extends jdk.jfr.Event {
    /** The subject both accesses touched ({@code ss0/slab5}). */
    @Label("Subject")
    public String subject;

    /** This thread's point. */
    @Label("Point")
    public String point;

    /** This thread's site. */
    @Label("Site")
    public String site;

    /** The other thread's name. */
    @Label("Other Thread")
    public String otherThread;

    /** The other thread's point. */
    @Label("Other Point")
    public String otherPoint;

    /** The other thread's site. */
    @Label("Other Site")
    public String otherSite;
}
