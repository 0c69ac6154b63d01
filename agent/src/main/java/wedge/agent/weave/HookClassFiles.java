package wedge.agent.weave;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where the weaver reads the hook classes' files (see {@link HookMethods}): the jar on the bootstrap path, read only
 * when a class is woven, or, when that jar was a temporary file since deleted, the files read before.
 */
public final class HookClassFiles {
    private final Path jar;
    private final Map<String, byte[]> read;

    private HookClassFiles(Path jar, Map<String, byte[]> read) {
        this.jar = jar;
        this.read = read;
    }

    /** The hook classes of {@code jar}, read when first asked for. */
    static HookClassFiles inJar(Path jar) {
        return new HookClassFiles(jar, null);
    }

    /** Hook classes already read: binary name to class file. */
    static HookClassFiles of(Map<String, byte[]> classes) {
        return new HookClassFiles(null, Map.copyOf(classes));
    }

    /**
     * Binary class name to class file, of every hook class.
     *
     * @throws IOException when the jar cannot be read
     */
    Map<String, byte[]> classes() throws IOException {
        if (read != null) {
            return read;
        }
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().endsWith(BootstrapJar.CLASS)) {
                    try (InputStream in = file.getInputStream(e)) {
                        classes.put(BootstrapJar.binaryName(e.getName()), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }
}
