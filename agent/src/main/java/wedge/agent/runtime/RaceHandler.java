package wedge.agent.runtime;

/** Told of a run's first race report: decides what the run does about it (option {@code on-race}). */
public interface RaceHandler {
    /** The first race report of the run has just been made, in the thread that completed it. */
    void onFirstRace();
}
