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
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value named {@code id}, or null. */
    public static OnRace byId(String id) {
        for (OnRace r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }
}
