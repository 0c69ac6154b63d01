package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Compiles {@code main}.java of example {@code name} into {@code classes}; returns that directory. */
    static Path compile(String name, String main, Path classes) throws IOException {
        Files.createDirectories(classes);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                dir(name).resolve(main + ".java").toString()));
        return classes;
    }
}
