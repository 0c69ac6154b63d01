package wedge.agent.capture;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JVM and OS facts a dump records. They do not change while the JVM runs, and reading the JVM's arguments loads
 * its management classes (some 20 ms in a cold JVM), so they are read once, beside {@code main}
 * ({@link #readAhead}), not while a fault waits for its dump.
 */
public final class Environment {
    private Environment() {
    }

    /** Reads the facts now, so that a dump finds them read; any thread, any number of times. */
    public static void readAhead() {
        Facts.JVM.size();
    }

    /** The dump's {@code jvm} object. */
    static Map<String, Object> jvm() {
        return Facts.JVM;
    }

    /** The facts, read by the first thread that asks (class initialisation makes that once). */
    private static final class Facts {
        static final Map<String, Object> JVM = Collections.unmodifiableMap(readJvm());
    }

    private static Map<String, Object> readJvm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", System.getProperty("java.version"));
        m.put("vendor", System.getProperty("java.vendor"));
        m.put("vmName", System.getProperty("java.vm.name"));
        m.put("vmVersion", System.getProperty("java.vm.version"));
        m.put("home", System.getProperty("java.home"));
        m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        m.put("maxMemory", Runtime.getRuntime().maxMemory());
        m.put("inputArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return m;
    }

    /** The dump's {@code os} object. */
    static Map<String, Object> os() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", System.getProperty("os.name"));
        m.put("version", System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        return m;
    }
}
