package wedge.repro.run;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A program's per-seed entry, {@code CLASS#METHOD}: a public static method taking the seed as a {@code long}, which a
 * batch child calls once per seed. Checked where the user gives it and again in the child, with the same words.
 */
public final class EntryPoint {
    private EntryPoint() {
    }

    /**
     * A loader for the program's {@code classpath}, over the platform loader: the program sees its own classes and
     * the JDK's, none of Wedge's (whose libraries may be other versions of its own).
     *
     * @throws IllegalArgumentException naming an entry of {@code classpath} that is no path
     */
    public static URLClassLoader loader(String classpath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException | RuntimeException e) {
                throw new IllegalArgumentException("--classpath entry '" + entry + "' is not a path: " + e.getMessage());
            }
        }
        return new URLClassLoader("wedge-program", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * The method {@code entry} names, found in {@code loader} without initializing its class.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it: its form, a class or method not
     *                                  found, or a method that is not {@code public static} taking one {@code long}
     */
    public static Method find(ClassLoader loader, String entry) {
        int hash = entry.indexOf('#');
        if (hash <= 0 || hash == entry.length() - 1 || entry.indexOf('#', hash + 1) >= 0) {
            throw new IllegalArgumentException("--entry takes CLASS#METHOD (a public static method taking the seed as "
                    + "a long), not '" + entry + "'");
        }
        String className = entry.substring(0, hash);
        String name = entry.substring(hash + 1);
        Class<?> c;
        try {
            c = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("--entry " + entry + ": class " + className + " not found on --classpath"
                    + " (" + e + ")");
        }
        Method m;
        try {
            m = c.getDeclaredMethod(name, long.class);
        } catch (NoSuchMethodException | LinkageError e) {
            throw new IllegalArgumentException("--entry " + entry + ": " + className + " has no method " + name
                    + "(long); the entry is a public static method taking the seed as a long");
        }
        if (!Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(m.getModifiers())
                || !Modifier.isPublic(c.getModifiers())) {
            throw new IllegalArgumentException("--entry " + entry + ": " + name + "(long) must be public static, in a "
                    + "public class, so a batch child can call it per seed");
        }
        return m;
    }
}
