package wedge.repro.cli;

import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import wedge.repro.run.EntryPoint;

/** A user's class path as {@code --classpath} gives it: where their main class must be, checked before any run. */
final class ProgramClassPath {
    private ProgramClassPath() {
    }

    /** Whether class {@code main} (a binary name) is on {@code classpath}, in a directory or a jar. */
    static boolean has(String classpath, String main) {
        try (URLClassLoader loader = EntryPoint.loader(classpath)) {
            return loader.findResource(main.replace('.', '/') + ".class") != null;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Checks that {@code entry} names a method a batch child can call per seed; else a usage error naming it. */
    static void requireEntry(CommandSpec cmd, String classpath, String entry) {
        try (URLClassLoader loader = EntryPoint.loader(classpath)) {
            EntryPoint.find(loader, entry);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd.commandLine(), e.getMessage());
        } catch (IOException e) {
            // closing the loader failed; the entry was found
        }
    }

    /** {@code classpath} with every entry made absolute, so that a run from another directory finds it. */
    static String absolute(String classpath) {
        return List.of(classpath.split(File.pathSeparator)).stream()
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }
}
