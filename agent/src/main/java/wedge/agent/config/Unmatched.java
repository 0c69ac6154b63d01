package wedge.agent.config;

/**
 * What a run comes to when a declared point never matched a loaded class and member, or a fault type is not a
 * loadable class (option {@code unmatched}).
 */
public enum Unmatched {
    /** The run is an error naming each: the user asked for it and it was not tested. */
    ERROR,
    /** One warning line naming each, and the run's outcome stands: for a profile shared across programs. */
    WARN;

    /** The name users type. */
    public String id() {
        return Choice.id(this);
    }
}
