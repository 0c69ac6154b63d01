package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code wedge} as a process of its own, for tests that signal it: its JVM is the test's, its class path too. */
final class WedgeProcess {
    private WedgeProcess() {
    }

    /**
     * Starts {@code wedge ARGS} with {@code jvmOptions} before the main class, its stdout and stderr both to
     * {@code log}.
     */
    static Process start(Path log, List<String> jvmOptions, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
