package wedge.repro.run;

import java.util.Map;

import wedge.contract.ExitStatus;

/** Exit statuses of a process killed by a signal, as a shell reports them (128 + the signal's number). */
final class Signals {
    private static final Map<Integer, String> NAMES = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 9, "SIGKILL",
            13, "SIGPIPE", 15, "SIGTERM");

    private Signals() {
    }

    /**
     * The signal that killed a process which ended with {@code status}, or null when the status is not a signal's
     * or is one a run gives itself on a fault or a hang ({@link ExitStatus}).
     */
    static String killedBy(int status) {
        int signal = status - 128;
        if (signal < 1 || signal > 31 || ExitStatus.died(status)) {
            return null;
        }
        return NAMES.getOrDefault(signal, "signal-" + signal);
    }
}
