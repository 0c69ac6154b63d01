package wedge.agent.schedule;

import java.util.List;
import java.util.Map;

/** How the next thread to run is chosen: a pure function of the seed, the choices so far and who is waiting. */
interface Search {
    /**
     * Chooses who runs next.
     *
     * @param ready    the threads waiting at a point, in ordinal order; never empty
     * @param all      every thread of the schedule, in ordinal order, whatever its status
     * @param from     the thread that was running: waiting at the point it just reached ({@link Member.Status#READY},
     *                 then it is in {@code ready}), or gone (ended or blocked), or null when none was
     * @param decision how many decisions came before this one
     */
    Member pick(List<Member> ready, List<Member> all, Member from, long decision);

    /** Thread {@code m} has joined the schedule. */
    default void joined(Member m) {
    }

    /** What the dump records about this search: its name and parameters, or the script's progress. */
    Map<String, Object> describe();
}
