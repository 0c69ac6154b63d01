package wedge.junit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import wedge.contract.AgentControl;
import wedge.contract.UserCache;

/**
 * Loads the Wedge agent into this JVM once, by attaching to it from a short-lived JVM of its own (the agent jar's
 * {@code java -jar wedge-agent.jar PID OPTIONS}): a JVM may not attach to itself unless started with
 * {@code -Djdk.attach.allowAttachSelf=true}, and this way it needs no flag at all. The agent jar is the system
 * property {@value #JAR_PROPERTY} when set, else the copy this library carries, written once per agent build to the
 * user's cache ({@link UserCache}); where there is no usable cache, to a temporary file deleted once attached.
 */
final class AgentLoader {
    /** System property naming the agent jar to load instead of the embedded one. */
    static final String JAR_PROPERTY = "wedge.agent.jar";
    private static final String EMBEDDED = "/wedge/junit/wedge-agent.jar";
    private static final long ATTACH_SECONDS = 60;

    private AgentLoader() {
    }

    /**
     * Makes sure an agent is loaded, loading it with {@code options} when none is.
     *
     * @throws IllegalArgumentException with the agent's one line when it refuses the options
     * @throws BadWedgeTest             when the agent cannot be found or attached
     */
    static synchronized void ensureLoaded(String options) {
        if (AgentControl.loaded()) {
            return;
        }
        String given = System.getProperty(JAR_PROPERTY);
        if (given != null) {
            attach(givenJar(given), options);
            return;
        }
        byte[] jar = embeddedJar();
        Path cached = cachedJar(jar);
        if (cached != null) {
            attach(cached, options);
            return;
        }
        Path tmp = temporaryJar(jar);
        try {
            attach(tmp, options);
        } finally {
            // once attached, the JVM holds the jar open and needs no name for it
            tmp.toFile().delete();
        }
    }

    private static void attach(Path jar, String options) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-jar", jar.toString(), Long.toString(ProcessHandle.current().pid()), options);
        Process p;
        String output;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(ATTACH_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BadWedgeTest("cannot load the Wedge agent: attaching took over " + ATTACH_SECONDS + " s");
            }
        } catch (IOException e) {
            throw new BadWedgeTest("cannot load the Wedge agent: cannot run " + java + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadWedgeTest("cannot load the Wedge agent: interrupted while attaching");
        }
        String line = lastAgentLine(output);
        if (p.exitValue() == 2) {
            throw new IllegalArgumentException(line);
        }
        if (p.exitValue() != 0 || !AgentControl.loaded()) {
            throw new BadWedgeTest("cannot load the Wedge agent from " + jar + " (exit " + p.exitValue() + "): "
                    + line);
        }
    }

    private static String lastAgentLine(String output) {
        return output.lines().filter(l -> l.startsWith("wedge-agent: ") || l.startsWith("usage"))
                .reduce((a, b) -> b).map(l -> l.replaceFirst("^wedge-agent: ", "")).orElse(output.strip());
    }

    private static Path givenJar(String given) {
        Path jar = Path.of(given);
        if (!Files.isRegularFile(jar)) {
            throw new BadWedgeTest("system property " + JAR_PROPERTY + "=" + given + ": no such file; give the "
                    + "path of wedge-agent.jar, or leave it unset to use the agent this library carries");
        }
        return jar.toAbsolutePath();
    }

    private static byte[] embeddedJar() {
        try (InputStream in = AgentLoader.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new BadWedgeTest("this wedge-junit jar carries no agent (" + EMBEDDED + "); set the system "
                        + "property " + JAR_PROPERTY + " to the path of wedge-agent.jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BadWedgeTest("cannot read the agent this library carries: " + e.getMessage());
        }
    }

    /**
     * The agent jar in the user's cache, named by its content, so that test JVMs running side by side share one file
     * and a newer agent never meets an older one's file; null when there is no cache safe to load code from.
     */
    static Path cachedJar(byte[] jar) {
        try {
            return UserCache.open().file("agent-" + sha256(jar) + ".jar", jar);
        } catch (IOException e) {
            return null;
        }
    }

    private static Path temporaryJar(byte[] jar) {
        try {
            Path tmp = Files.createTempFile("wedge-agent-", ".jar");
            Files.write(tmp, jar);
            return tmp;
        } catch (IOException e) {
            throw new BadWedgeTest("cannot load the Wedge agent: no user cache and no temporary file for its jar: "
                    + e.getMessage());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
