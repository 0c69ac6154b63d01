package wedge.agent.weave;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * The jar this agent runs from, and its build: the {@code Wedge-Build} attribute its manifest gets when it is
 * packaged (the version and the build's time stamp, to the millisecond). What the agent keeps between runs, the hook
 * classes' jar and the classes it wove, is keyed by the build, so a rebuilt agent never takes what an older one left.
 *
 * @param path  the agent jar
 * @param build the build stamp, or null for a jar packaged without one (nothing is then kept between runs)
 */
public record AgentJar(Path path, String build) {
    private static final String BUILD_ATTRIBUTE = "Wedge-Build";
    private static final Pattern NOT_IN_FILE_NAMES = Pattern.compile("[^A-Za-z0-9._-]");

    /** The build stamp as a file name: its letters, digits, dots, dashes and underscores, others made {@code _}. */
    String fileName() {
        return NOT_IN_FILE_NAMES.matcher(build).replaceAll("_");
    }

    /**
     * The jar of the running agent. Opening it is cheap: the class loader that loaded the agent has it open already,
     * and the JDK shares an open zip file's directory between its openers.
     *
     * @throws IOException when the agent's classes are not in a readable jar
     */
    public static AgentJar running() throws IOException {
        Path jar;
        try {
            jar = Path.of(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the agent jar", e);
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return new AgentJar(jar, manifest == null ? null : manifest.getMainAttributes().getValue(BUILD_ATTRIBUTE));
        }
    }
}
