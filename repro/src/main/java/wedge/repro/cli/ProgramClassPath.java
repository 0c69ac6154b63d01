package wedge.repro.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A user's class path as {@code --classpath} gives it: where their main class must be, checked before any run. */
final class ProgramClassPath {
    private ProgramClassPath() {
    }

    /** Whether class {@code main} (a binary name) is on {@code classpath}, in a directory or a jar. */
    static boolean has(String classpath, String main) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                return false;
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            return loader.findResource(main.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code classpath} with every entry made absolute, so that a run from another directory finds it. */
    static String absolute(String classpath) {
        return List.of(classpath.split(File.pathSeparator)).stream()
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }
}
