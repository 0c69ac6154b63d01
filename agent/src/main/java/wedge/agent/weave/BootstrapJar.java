package wedge.agent.weave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import net.bytebuddy.dynamic.ClassFileLocator;
import wedge.agent.log.Log;
import wedge.contract.UserCache;

/**
 * Puts the hook entry classes (package {@code wedge.agent.bootstrap}) on the bootstrap class path, so that code in
 * any class loader, the JDK's included, can call them.
 *
 * <p>Invariant: the hook classes have exactly one copy, the bootstrap one. The agent jar stores them under
 * {@code wedge-bootstrap/}, not where a class loader would find them, so even while the jar is on the system class
 * path (always, after dynamic attach) only the bootstrap loader can define them, and every loader, the agent's own
 * included, resolves them there by parent-first delegation. This must run before the agent touches them.
 *
 * <p>The bootstrap path takes only files, and a JVM may end by {@code Runtime.halt}, which runs no clean-up: so the
 * file is named by the hash of the hook classes and kept in the user's cache ({@link UserCache}), one per agent
 * build however many JVMs start. Where there is no usable cache, a temporary file is deleted as soon as the JVM has
 * opened it.
 */
public final class BootstrapJar {
    /** Where the agent jar keeps the hook classes, out of reach of the system class loader. */
    private static final String STORE = "wedge-bootstrap/";
    private static final String PACKAGE = STORE + "wedge/agent/bootstrap/";
    private static final String PROBE = "wedge.agent.bootstrap.HookWiring";
    private static final String CLASS = ".class";

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
     * Appends the bootstrap package of the agent jar to the bootstrap class path.
     *
     * @return the hook classes' bytes, where the weaver reads them
     * @throws IOException when the agent jar cannot be read or no jar of the hook classes can be written
     */
    public static ClassFileLocator append(Instrumentation inst) throws IOException {
        Map<String, byte[]> classes = hookClasses();
        byte[] jar = jarOf(classes);
        String name = "bootstrap-" + digest(classes) + ".jar";
        Path cached = null;
        try {
            cached = UserCache.open().file(name, jar);
        } catch (IOException e) {
            Log.debug("no user cache for the hook classes, a temporary file instead: " + e);
        }
        if (cached != null) {
            appendAndProbe(inst, cached);
        } else {
            Path tmp = Files.createTempFile("wedge-bootstrap-", ".jar");
            try {
                Files.write(tmp, jar);
                appendAndProbe(inst, tmp);
            } finally {
                // the JVM keeps the jar it has opened; on a platform where an open file cannot be deleted, at exit
                if (!tmp.toFile().delete()) {
                    tmp.toFile().deleteOnExit();
                }
            }
        }
        return new ClassFileLocator.Simple(classes);
    }

    private static void appendAndProbe(Instrumentation inst, Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            inst.appendToBootstrapClassLoaderSearch(file);
        }
        if (!alreadyAppended()) {
            throw new IOException("the hook classes did not reach the bootstrap class path from " + jar);
        }
    }

    /** Binary class name to class file bytes, of every class of the stored bootstrap package. */
    private static Map<String, byte[]> hookClasses() throws IOException {
        Path agentJar;
        try {
            agentJar = Path.of(BootstrapJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the agent jar", e);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile source = new JarFile(agentJar.toFile())) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith(PACKAGE) && e.getName().endsWith(CLASS)) {
                    String path = e.getName().substring(STORE.length());
                    try (InputStream in = source.getInputStream(e)) {
                        classes.put(path.substring(0, path.length() - CLASS.length()).replace('/', '.'),
                                in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    private static byte[] jarOf(Map<String, byte[]> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                out.putNextEntry(new JarEntry(c.getKey().replace('.', '/') + CLASS));
                out.write(c.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The first 16 hex digits of the SHA-256 of the classes' names and bytes, in name order. */
    private static String digest(Map<String, byte[]> classes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                sha.update(c.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(c.getValue());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
