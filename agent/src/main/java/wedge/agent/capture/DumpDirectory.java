package wedge.agent.capture;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import wedge.agent.config.BadConfiguration;

/**
 * The check of the dump directory at start-up: a fault found after minutes of work must not be lost because its
 * dump has nowhere to go, so a directory that cannot take a dump stops the run before it begins.
 */
public final class DumpDirectory {
    private DumpDirectory() {
    }

    /**
     * Makes {@code dir} when it is missing and proves it writable by creating and deleting a file in it.
     *
     * @throws BadConfiguration naming the directory and why it cannot be used
     */
    public static void check(Path dir) {
        try {
            Files.createDirectories(dir);
            // named by this process, not by Files.createTempFile, whose SecureRandom costs the start-up 20 ms
            Path probe = dir.resolve(".wedge-probe-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Files.delete(Files.createFile(probe));
        } catch (IOException e) {
            throw new BadConfiguration("dump-dir " + dir.toAbsolutePath() + " cannot take dumps: " + reason(dir, e)
                    + "; valid: a directory that exists or can be made, writable by this user");
        }
    }

    /** Why {@code dir} could not take a file, {@code e} being what the attempt threw. */
    static String reason(Path dir, IOException e) {
        return Files.exists(dir) && !Files.isDirectory(dir) ? "a file is in its place" : reason(e);
    }

    /** The operating system's reason for {@code e}, without the file name it repeats. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof FileSystemException) {
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("(?<=.)(?=\\p{Upper})", " ")
                    .toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
