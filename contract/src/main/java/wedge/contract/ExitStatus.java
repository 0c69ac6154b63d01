package wedge.contract;

/**
 * How a process on the JVM dies the way a C program does, so shells and launchers read it the same way: the status
 * a shell reports for a process killed by a signal, 128 + the signal's number.
 */
public final class ExitStatus {
    /** A fault: the status of a process killed by SIGSEGV (signal 11). */
    public static final int FAULT = 139;
    /** A hang or an abort: the status of a process killed by SIGABRT (signal 6), as glibc aborts on a bad free. */
    public static final int ABORT = 134;
    /**
     * A race reported and the run stopped at it ({@code on-race=exit}): ThreadSanitizer's exit status, so scripts
     * that already read a sanitizer's runs read this one alike. Not a death: {@link #died} is false for it.
     */
    public static final int RACE = 66;

    private ExitStatus() {
    }

    /** Whether {@code status} is one of the statuses above. */
    public static boolean died(int status) {
        return status == FAULT || status == ABORT;
    }
}
