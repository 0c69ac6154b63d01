package wedge.agent.schedule;

import wedge.agent.capture.Sites;

/**
 * One line of a {@link Script}: which thread runs, and until what.
 *
 * <p>{@code THREAD to POINT ...} runs the thread until it reaches a point that matches, and stops it there: after
 * the access for a read, a call or a method entry, before it for a write or a method exit (see the event timing in
 * docs/DUMP-FORMAT.md). {@code THREAD past POINT ...} lets it perform that point and stops it at its next one.
 * {@code THREAD to end} runs it until it ends or blocks outside any point.
 *
 * @param line    line number in the script file, for messages
 * @param thread  {@code T<n>} (an agent ordinal) or a thread name
 * @param past    whether the thread performs the matching point and stops at its next one
 * @param point   a point name, {@code *} for any point, or null for {@code end}
 * @param label   the subject's label the point must have ({@code ss0/slab0}), or null
 * @param site    the method the point must be in, {@code Class#method} or a suffix of it, or null
 * @param value   the value the point must have, or null
 * @param atHit   the thread's hit count the point must have reached, or -1
 */
record Step(int line, String thread, boolean past, String point, String label, String site, Long value,
            long atHit) {

    /** Whether the step runs its thread until it ends or blocks, rather than to a point. */
    boolean toEnd() {
        return point == null;
    }

    /** Whether {@code m} is the thread this step names. */
    boolean names(Member m) {
        return thread.equals("T" + m.state.ordinal) || thread.equals(m.state.thread.getName());
    }

    /** Whether a thread waiting at {@code a} has reached this step's point. */
    boolean matches(Arrival a) {
        return point != null
                && (point.equals("*") || point.equals(a.name()))
                && a.hit() >= atHit
                && (value == null || value == a.value())
                && (site == null || siteMatches(Sites.shorten(a.site())))
                && (label == null || label.equals(String.valueOf(a.subject())));
    }

    private boolean siteMatches(String shortSite) {
        return shortSite.equals(site) || shortSite.endsWith("." + site);
    }

    /** The step as a script line. */
    String render() {
        StringBuilder b = new StringBuilder(thread).append(past ? " past " : " to ")
                .append(point == null ? "end" : point);
        if (label != null) {
            b.append(" on ").append(label);
        }
        if (site != null) {
            b.append(" in ").append(site);
        }
        if (value != null) {
            b.append(" value ").append(value);
        }
        if (atHit >= 0) {
            b.append(" at ").append(atHit);
        }
        return b.toString();
    }
}
