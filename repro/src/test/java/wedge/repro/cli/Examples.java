package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.ToolProvider;

import wedge.repro.run.Installation;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The programs under {@code examples/}, compiled from their source for a test. */
final class Examples {
    private Examples() {
    }

    /** The directory of example {@code name}, e.g. {@code examples/plainstack}. */
    static Path dir(String name) {
        return Installation.locate().agentJar().getParent().getParent().getParent().resolve("examples").resolve(name);
    }

    /**
     * Compiles {@code main}.java of example {@code name} into {@code classes}, against {@code classPath} (the library
     * it uses, or empty); returns that directory.
     */
    static Path compile(String name, String main, Path classes, String classPath) throws IOException {
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        if (!classPath.isEmpty()) {
            args.addAll(List.of("-cp", classPath));
        }
        args.add(dir(name).resolve(main + ".java").toString());
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        return classes;
    }

    /** Compiles {@code main}.java of example {@code name}, which uses no library, into {@code classes}. */
    static Path compile(String name, String main, Path classes) throws IOException {
        return compile(name, main, classes, "");
    }
}
