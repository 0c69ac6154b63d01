package wedge.repro.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a child's stdout and stderr line by line on two daemon threads as it runs, handing each line to a sink; the
 * pipes, never files, so nothing is left behind however the child ends.
 */
final class ChildPipes {
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private ChildPipes(Process child, Consumer<String> stdout, Consumer<String> stderr) {
        stdoutReader = reader(child.getInputStream(), stdout, "stdout");
        stderrReader = reader(child.getErrorStream(), stderr, "stderr");
    }

    /** Starts reading {@code child}'s stdout into {@code stdout} and its stderr into {@code stderr}. */
    static ChildPipes read(Process child, Consumer<String> stdout, Consumer<String> stderr) {
        return new ChildPipes(child, stdout, stderr);
    }

    /** Starts reading {@code child}'s pipes into {@code output}. */
    static ChildPipes read(Process child, ChildOutput output) {
        return read(child, output::stdout, output::stderr);
    }

    /** Waits until the child's pipes are closed, everything it printed read, or {@code millis} have passed. */
    void awaitEnd(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        stdoutReader.join(millis);
        stderrReader.join(Math.max(1, deadline - System.currentTimeMillis()));
    }

    private static Thread reader(InputStream in, Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the pipe broke because the child was killed; what was read is what there is
            }
        }, "wedge-child-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
