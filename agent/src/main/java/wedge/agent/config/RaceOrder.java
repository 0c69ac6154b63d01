package wedge.agent.config;

/** {@code hunt}'s option {@code order}: whether a paused reader is let go on its own time or after its partner. */
public enum RaceOrder {
    /** The pause lasts as long as it was sized; whoever comes, comes. */
    FREE,
    /**
     * A thread paused at a read is held until another thread's write of the same field of the same object has
     * landed (bounded): the order in which a stale read does harm, forced (RaceFuzzer).
     */
    FORCE;

    /** The name users type. */
    public String id() {
        return Choice.id(this);
    }
}
