package wedge.contract;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The agent's in-process control ({@code wedge.agent.bootstrap.Control}), reached by reflection through the
 * bootstrap class loader: the agent's classes must come only from its own jar, never from the caller's class path.
 * The one way a harness that runs many seeds in one JVM begins and ends a seed's run: the JUnit extension per
 * invocation, a batch child of {@code wedge sweep} per seed.
 */
public final class AgentControl {
    private static final String CONTROL = "wedge.agent.bootstrap.Control";

    private AgentControl() {
    }

    /** Whether an agent is loaded in this JVM. */
    public static boolean loaded() {
        return control() != null && (Boolean) call("available", null);
    }

    /**
     * Starts a run with {@code options}.
     *
     * @throws IllegalArgumentException naming the bad option
     * @throws IllegalStateException    when the agent cannot arm its points
     */
    public static void begin(String options) {
        call("begin", options);
    }

    /** Ends the run; the path of the dump it wrote, or null. */
    public static String end() {
        return (String) call("end", null);
    }

    /**
     * What the runs so far never armed, one line per kind ({@code points:unmatched NAME (why); ...}), or null when
     * nothing was missed or the test accepts misses ({@code unmatched=warn}).
     */
    public static String unmatched() {
        return (String) call("unmatched", null);
    }

    private static Class<?> control() {
        try {
            return Class.forName(CONTROL, true, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Object call(String name, String argument) {
        Class<?> c = control();
        if (c == null) {
            throw new IllegalStateException("no Wedge agent is loaded in this JVM");
        }
        try {
            if (argument == null) {
                Method m = c.getMethod(name);
                return m.invoke(null);
            }
            return c.getMethod(name, String.class).invoke(null, argument);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Wedge agent in this JVM has no " + name + " control: " + e, e);
        }
    }
}
