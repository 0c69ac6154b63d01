package wedge.repro.cli;

/** Exit statuses of {@code wedge}. A fault found is a result, not a failure: it exits {@link #OK}. */
public final class ExitCodes {
    /** The command was carried out, whatever it found. */
    public static final int OK = 0;
    /** Bad usage: an unknown name, a bad value, a missing or unreadable input. */
    public static final int USAGE = 2;
    /** The tool itself failed. */
    public static final int TOOL_FAILED = 3;
    /**
     * Stopped by SIGINT or SIGTERM, as a shell reports SIGINT (128 + 2); the JVM exits with its own status for
     * the signal, this is what a command reports if its work ends first.
     */
    public static final int STOPPED = 130;

    private ExitCodes() {
    }
}
