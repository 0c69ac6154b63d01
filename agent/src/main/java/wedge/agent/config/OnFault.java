package wedge.agent.config;

/** What happens after a fault has been captured. */
public enum OnFault {
    /** {@code Runtime.halt(139)}, the status a shell reports for SIGSEGV. */
    EXIT,
    /** The fault propagates as the exception it is; the application decides. */
    THROW;

    /** The name users type. */
    public String id() {
        return Choice.id(this);
    }
}
