package wedge.agent.capture;

import java.io.PrintStream;
import wedge.agent.runtime.ThreadRegistry;
import wedge.agent.runtime.ThreadState;

/**
 * The line a launcher reads when the JVM ends while the strategy holds threads in its pauses, whatever the log
 * settings: {@code wedge-agent: paused-at-exit threads=3}. A program that ends then (its own time limit, a launcher's
 * SIGTERM at its time cap) was slowed by the agent, and a launcher must not take that for a hang of the program.
 * Nothing is printed when no thread is in a pause.
 */
public final class PausedAtExit {
    private PausedAtExit() {
    }

    /** Prints the line when some of {@code threads} sits in a pause; called from a shutdown hook. */
    public static void report(ThreadRegistry threads) {
        int pausing = 0;
        for (ThreadState t : threads.all()) {
            if (t.pausing()) {
                pausing++;
            }
        }
        if (pausing > 0) {
            PrintStream err = System.err;
            err.println("wedge-agent: paused-at-exit threads=" + pausing);
            err.flush();
        }
    }
}
