package wedge.agent.jfr;

import jdk.jfr.FlightRecorder;

/**
 * Whether the flight recorder has been started in this JVM, asked before any of the agent's event classes is
 * touched: loading a {@code jdk.jfr.Event} subclass makes JFR load and initialise its internals (some hundreds of
 * classes, a few tenths of a second on a small machine) even when no recording runs, and a race report or a fault
 * would pay that in the middle of the run.
 *
 * <p>{@link FlightRecorder#isInitialized()} loads {@code jdk.jfr.FlightRecorder} and nothing of
 * {@code jdk.jfr.internal} (checked with {@code -Xlog:class+load}, JDK 17 and 25), and it turns true as soon as a
 * recording is started, by {@code -XX:StartFlightRecording}, {@code jcmd JFR.start} or the API, so a recording
 * started after the agent still gets every event from then on. Once true it stays true; the events then ask
 * {@code shouldCommit()} as before, which is false while no recording runs.
 */
public final class JfrState {
    private JfrState() {
    }

    /** Whether JFR has been started, so that its events cost no more than {@code shouldCommit()}. */
    public static boolean started() {
        return FlightRecorder.isInitialized();
    }
}
