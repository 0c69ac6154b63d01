package wedge.agent.weave;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the hook entry classes (package {@code wedge.agent.bootstrap}) on the bootstrap class path, so that code in
 * any class loader, the JDK's included, can call them.
 *
 * <p>Invariant: the hook classes have exactly one copy, the bootstrap one. The agent jar stores them under
 * {@code wedge-bootstrap/}, not where a class loader would find them, so even while the jar is on the system class
 * path (always, after dynamic attach) only the bootstrap loader can define them, and every loader, the agent's own
 * included, resolves them there by parent-first delegation. This must run before the agent touches them.
 */
public final class BootstrapJar {
    /** Where the agent jar keeps the hook classes, out of reach of the system class loader. */
    private static final String STORE = "wedge-bootstrap/";
    private static final String PACKAGE = STORE + "wedge/agent/bootstrap/";
    private static final String PROBE = "wedge.agent.bootstrap.HookWiring";

    private BootstrapJar() {
    }

    /** Whether an earlier load of the agent already put the hook classes on the bootstrap path. */
    public static boolean alreadyAppended() {
        try {
            Class.forName(PROBE, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Copies the bootstrap package out of the agent jar into a temporary jar and appends it to the bootstrap
     * class path.
     *
     * @return the temporary jar, where the weaver reads the hook classes' bytes
     * @throws IOException when the agent jar cannot be read or the temporary jar written
     */
    public static Path append(Instrumentation inst) throws IOException {
        Path agentJar;
        try {
            agentJar = Path.of(BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the agent jar", e);
        }
        Path tmp = Files.createTempFile("wedge-bootstrap-", ".jar");
        tmp.toFile().deleteOnExit();
        try (JarFile source = new JarFile(agentJar.toFile());
             OutputStream file = Files.newOutputStream(tmp);
             JarOutputStream out = new JarOutputStream(file)) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith(PACKAGE) && e.getName().endsWith(".class")) {
                    out.putNextEntry(new JarEntry(e.getName().substring(STORE.length())));
                    try (InputStream in = source.getInputStream(e)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(tmp.toFile()));
        if (!alreadyAppended()) {
            throw new IOException("the hook classes did not reach the bootstrap class path from " + agentJar);
        }
        return tmp;
    }
}
