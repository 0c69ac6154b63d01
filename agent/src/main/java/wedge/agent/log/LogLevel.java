package wedge.agent.log;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How much the agent says; each level includes the ones above it. */
public enum LogLevel {
    OFF, ERROR, WARN, INFO, DEBUG;

    /** The name users type: the constant in lower case. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The level named {@code id}, or null. */
    public static LogLevel byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }

    /** Every name, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(LogLevel::id).collect(Collectors.joining(", "));
    }
}
