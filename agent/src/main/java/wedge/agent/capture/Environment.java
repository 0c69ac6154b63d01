package wedge.agent.capture;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JVM and OS facts a dump records. */
final class Environment {
    private Environment() {
    }

    /** The dump's {@code jvm} object. */
    static Map<String, Object> jvm() {
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
