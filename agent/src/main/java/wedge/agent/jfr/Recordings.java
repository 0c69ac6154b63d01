package wedge.agent.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/** The flight recordings of this JVM, seen from an agent that is about to halt it. */
public final class Recordings {
    /** Where JFR says its repository of this JVM is, once it has made one. */
    private static final String REPOSITORY_PROPERTY = "jdk.jfr.repository";

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
        removeEmptyRepository();
    }

    /**
     * Removes JFR's repository (a {@code <time>_<pid>} directory in the temporary directory, by default) when the
     * recordings stopped above left it empty: the hook that would have removed it does not run either. A repository
     * that still holds chunks (of a recording without a destination) is left as it is.
     */
    private static void removeEmptyRepository() {
        String repository = System.getProperty(REPOSITORY_PROPERTY);
        if (repository == null) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(repository));
        } catch (IOException | RuntimeException e) {
            // not empty, or not ours to remove: it stays, as JFR would have left it
        }
    }
}
