package wedge.agent.config;

/** What {@code hunt} does at its first race report. */
public enum OnRace {
    /** Go on hunting for the crash; a dump written later carries the reports. */
    CONTINUE,
    /** Write a dump of kind {@code race} at once, then go on hunting. */
    DUMP,
    /** Write a dump of kind {@code race} and halt with {@code wedge.contract.ExitStatus#RACE}. */
    EXIT;

    /** The name users type. */
    public String id() {
        return Choice.id(this);
    }
}
