package wedge.agent.config;

/** What happens after a fault has been captured. */
public enum OnFault {
    /** {@code Runtime.halt(139)}, the status a shell reports for SIGSEGV. */
    EXIT,
    /** The fault propagates as the exception it is; the application decides. */
    THROW;

    /** The name users type. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value named {@code id}, or null. */
    public static OnFault byId(String id) {
        for (OnFault f : values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        return null;
    }
}
