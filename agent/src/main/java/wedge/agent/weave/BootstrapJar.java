package wedge.agent.weave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
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
 * file is kept in the user's cache ({@link UserCache}), named by the agent's build ({@link AgentJar}), one per
 * build however many JVMs start (by the hash of the hook classes, for a jar packaged without a build stamp). The
 * name is the build stamp itself, not a digest of it: a digest would load the JDK's security providers, tens of
 * milliseconds of every start-up, before {@code main}. Where there is no usable cache, a temporary file is deleted as soon as the JVM has
 * opened it.
 */
public final class BootstrapJar {
    /** Where the agent jar keeps the hook classes, out of reach of the system class loader. */
    private static final String STORE = "wedge-bootstrap/";
    private static final String PACKAGE = STORE + "wedge/agent/bootstrap/";
    private static final String PROBE = "wedge.agent.bootstrap.HookWiring";
    static final String CLASS = ".class";

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
     * Appends the bootstrap package of the agent jar to the bootstrap class path. A warm start reads nothing of the
     * agent jar: the cached jar of its build is appended as it is.
     *
     * @return the hook classes' files, where the weaver reads them
     * @throws IOException when the agent jar cannot be read or no jar of the hook classes can be written
     */
    public static HookClassFiles append(Instrumentation inst, AgentJar agent) throws IOException {
        UserCache cache = null;
        try {
            cache = UserCache.open();
        } catch (IOException e) {
            Log.debug("no user cache for the hook classes, a temporary file instead: " + e);
        }
        if (cache != null && agent.build() != null) {
            String name = "bootstrap-" + agent.fileName() + ".jar";
            Path cached = cache.path().resolve(name);
            if (!Files.isRegularFile(cached, LinkOption.NOFOLLOW_LINKS)) {
                cached = cache.file(name, jarOf(hookClasses(agent.path())));
            }
            appendAndProbe(inst, cached);
            return HookClassFiles.inJar(cached);
        }
        Map<String, byte[]> classes = hookClasses(agent.path());
        byte[] jar = jarOf(classes);
        if (cache != null) {
            appendAndProbe(inst, cache.file("bootstrap-" + digest(classes) + ".jar", jar));
            return HookClassFiles.of(classes);
        }
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
        return HookClassFiles.of(classes);
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
    private static Map<String, byte[]> hookClasses(Path agentJar) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile source = new JarFile(agentJar.toFile())) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith(PACKAGE) && e.getName().endsWith(CLASS)) {
                    try (InputStream in = source.getInputStream(e)) {
                        classes.put(binaryName(e.getName().substring(STORE.length())), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    /** The binary name of the class in jar entry {@code path}. */
    static String binaryName(String path) {
        return path.substring(0, path.length() - CLASS.length()).replace('/', '.');
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
        MessageDigest sha = Digests.sha256();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            sha.update(c.getKey().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(c.getValue());
        }
        return Digests.hex16(sha.digest());
    }
}
