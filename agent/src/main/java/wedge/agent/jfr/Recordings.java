package wedge.agent.jfr;

import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/** The flight recordings of this JVM, seen from an agent that is about to halt it. */
public final class Recordings {
    private Recordings() {
    }

    /**
     * Stops every running recording that has a destination, which writes it there. {@code Runtime.halt} skips the
     * shutdown hook through which JFR writes such recordings at exit, and the pauses and the fault that led to a
     * dump are exactly what the user started the recording for.
     */
    public static void writeBeforeHalt() {
        if (!FlightRecorder.isInitialized()) {
            return;
        }
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            if (r.getState() == RecordingState.RUNNING && r.getDestination() != null) {
                r.stop();
            }
        }
    }
}
