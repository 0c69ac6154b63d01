package wedge.agent.points;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The class files of an {@link AutoScope}, found where the application's classes come from: the class path (its
 * directories and jars, and the jars a jar's manifest adds). Classes that only a class loader of the application's
 * own finds (a plug-in directory, a container's) are not seen.
 */
final class ScopeClasses {
    private static final String CLASS = ".class";

    private ScopeClasses() {
    }

    /** Binary class name to class file, of every class of {@code scope} found, in name order. */
    static Map<String, byte[]> find(AutoScope scope, String classPath) {
        Map<String, byte[]> found = new TreeMap<>();
        try {
            for (String entry : classPath.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    read(Path.of(entry).toAbsolutePath(), scope, found, true);
                }
            }
            for (String named : scope.jdkClasses()) {
                readJdk(named, scope, found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /**
     * The JVM's main class as {@code sun.java.command} gives it (a jar's {@code Main-Class} when it runs a jar), or
     * null when it is not known.
     */
    static String mainClass() {
        String command = System.getProperty("sun.java.command", "").trim();
        if (command.isEmpty()) {
            return null;
        }
        String first = command.split("\\s+")[0];
        if (!first.endsWith(".jar")) {
            return first;
        }
        try (JarFile jar = new JarFile(first)) {
            Manifest m = jar.getManifest();
            return m == null ? null : m.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        } catch (IOException e) {
            return null;
        }
    }

    private static void read(Path entry, AutoScope scope, Map<String, byte[]> found, boolean followManifest)
            throws IOException {
        if (Files.isDirectory(entry)) {
            for (String root : scope.roots()) {
                Path dir = root.isEmpty() ? entry : entry.resolve(root.replace('.', File.separatorChar));
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path f : (Iterable<Path>) files::iterator) {
                            String rel = entry.relativize(f).toString().replace(File.separatorChar, '/');
                            take(rel, scope, found, () -> Files.readAllBytes(f));
                        }
                    }
                }
            }
        } else if (Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    take(e.getName(), scope, found, () -> {
                        try (InputStream in = jar.getInputStream(e)) {
                            return in.readAllBytes();
                        }
                    });
                }
                Manifest m = jar.getManifest();
                String more = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (followManifest && more != null) {
                    for (String rel : more.trim().split("\\s+")) {
                        read(entry.resolveSibling(rel), scope, found, false);
                    }
                }
            }
        }
    }

    /**
     * The JDK class {@code className} and its nested classes, from the run-time image ({@code jrt:/}) of the module
     * of the boot layer that holds its package; nothing when none does.
     */
    private static void readJdk(String className, AutoScope scope, Map<String, byte[]> found) throws IOException {
        int dot = className.lastIndexOf('.');
        String pkg = className.substring(0, dot);
        Module module = ModuleLayer.boot().modules().stream().filter(m -> m.getPackages().contains(pkg)).findFirst()
                .orElse(null);
        if (module == null) {
            return;
        }
        Path modules = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules", module.getName());
        Path dir = modules.resolve(pkg.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                take(modules.relativize(f).toString(), scope, found, () -> Files.readAllBytes(f));
            }
        }
    }

    private static void take(String path, AutoScope scope, Map<String, byte[]> found, Bytes bytes)
            throws IOException {
        if (!path.endsWith(CLASS) || path.endsWith("module-info.class") || path.startsWith("META-INF/")) {
            return;
        }
        String name = path.substring(0, path.length() - CLASS.length()).replace('/', '.');
        if (scope.covers(name) && !found.containsKey(name)) {
            found.put(name, bytes.read());
        }
    }

    /** Reads one class file. */
    private interface Bytes {
        byte[] read() throws IOException;
    }
}
