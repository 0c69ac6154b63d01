package wedge.repro.run;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where Wedge's parts are: the agent jar users attach, and the class path the workloads run from. */
public final class Installation {
    private final Path home;

    private Installation(Path home) {
        this.home = home;
    }

    /**
     * The installation this code runs from: the directory in system property {@code wedge.home} (set by
     * {@code scripts/wedge}), else the first directory above this code that holds {@code agent/} and {@code repro/}.
     *
     * @throws IllegalStateException when neither is found
     */
    public static Installation locate() {
        String prop = System.getProperty("wedge.home");
        if (prop != null) {
            return new Installation(Path.of(prop).toAbsolutePath());
        }
        try {
            Path p = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("agent")) && Files.isDirectory(p.resolve("repro"))) {
                    return new Installation(p);
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            throw new IllegalStateException("cannot locate the wedge installation: " + e.getMessage(), e);
        }
        throw new IllegalStateException("cannot locate the wedge installation; set -Dwedge.home=DIR");
    }

    /** The agent jar; built by {@code ./mvnw package}. */
    public Path agentJar() {
        Path jar = home.resolve("agent/target/wedge-agent.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build it with ./mvnw package -DskipTests");
        }
        return jar;
    }

    /** The class path workloads run from: this process's own, which holds the workloads and the allocator. */
    public String workloadClassPath() {
        return System.getProperty("java.class.path");
    }

    /** The {@code java} launcher of the JDK this process runs on. */
    public Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
