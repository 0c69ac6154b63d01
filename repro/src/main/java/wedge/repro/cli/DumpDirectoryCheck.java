package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The check of {@code --dump-dir} before any work: a fault found after an hour of sweeping must not be lost because
 * its dump has nowhere to go. The directory must exist or be made, take a file, and have room for a dump.
 */
final class DumpDirectoryCheck {
    /** Room a dump may need: a full event ring and the snapshot of a large heap, with the text summary beside it. */
    static final long DUMP_ROOM_BYTES = 32L << 20;

    private DumpDirectoryCheck() {
    }

    /** Checks {@code dir}; a directory that cannot take a dump is a usage error of {@code cmd} naming it. */
    static void require(CommandSpec cmd, Path dir) {
        String name = "--dump-dir " + dir.toAbsolutePath();
        Usage.require(cmd, !Files.exists(dir) || Files.isDirectory(dir), name + " is a file, not a directory; give "
                + "a directory that exists or can be made");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            Usage.require(cmd, false, name + " cannot be made: " + reason(e) + "; give a directory that exists or "
                    + "can be made");
        }
        try {
            Files.delete(Files.createTempFile(dir, ".wedge-probe-", ".tmp"));
        } catch (IOException e) {
            Usage.require(cmd, false, name + " is not writable: " + reason(e) + "; give a directory this user can "
                    + "write");
        }
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            free = Long.MAX_VALUE;
        }
        Usage.require(cmd, free >= DUMP_ROOM_BYTES, name + " has " + (free >> 20) + " MiB free; a dump may need "
                + (DUMP_ROOM_BYTES >> 20) + " MiB: free some space or give another directory");
    }

    /** The operating system's reason for {@code e}, without the path it repeats. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason()
                    : e.getClass().getSimpleName().replaceFirst("Exception$", "");
        }
        return String.valueOf(e.getMessage());
    }
}
