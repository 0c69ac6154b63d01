package wedge.agent.weave;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a run that names no fault type weaves into the JDK: the constructors of the JDK's usual suspects, so that
 * one that escapes a thread is described where it was thrown ({@link ThrownAdvice}), and {@code Runtime.exit}, so
 * that an exit with a status other than 0 is a fault ({@link RuntimeExitAdvice}).
 */
final class NoFaultType {
    /** The exceptions a race in plain Java most often ends in. */
    static final List<String> SUSPECTS = List.of("java.lang.NullPointerException",
            "java.lang.ArrayIndexOutOfBoundsException", "java.util.ConcurrentModificationException",
            "java.lang.IllegalStateException", "java.lang.AssertionError");
    /** The class whose {@code exit(int)} every exit of the JVM but a halt goes through. */
    static final String RUNTIME = "java.lang.Runtime";
    /** Every class woven for the rule. */
    static final List<String> CLASSES = Stream.concat(SUSPECTS.stream(), Stream.of(RUNTIME)).toList();

    private NoFaultType() {
    }
}
