package wedge.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JVM that dies the moment something starts to attach to it: it watches for the file an attaching tool creates
 * ({@code .attach_pid<pid>} in the target's working directory or in /tmp) and halts. Prints {@code ready} first.
 */
public final class ExitOnAttach {
    private ExitOnAttach() {
    }

    public static void main(String[] args) throws InterruptedException {
        String name = ".attach_pid" + ProcessHandle.current().pid();
        Path here = Path.of(name).toAbsolutePath();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"), name);
        System.out.println("ready");
        System.out.flush();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(here) || Files.exists(tmp)) {
                Runtime.getRuntime().halt(0);
            }
            Thread.sleep(0, 200_000);
        }
    }
}
