package wedge.repro.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The checks of where a command writes, before any work: a fault found after an hour of sweeping must not be lost
 * because its dump or its result line has nowhere to go. The directory must exist or be made, take a file, and
 * have room for what goes there.
 */
final class OutputDirectoryCheck {
    /** Room a dump may need: a full event ring and the snapshot of a large heap, with the text summary beside it. */
    static final long DUMP_ROOM_BYTES = 32L << 20;
    /** Room a result file may need: a few thousand result lines of under a kilobyte each. */
    static final long RESULTS_ROOM_BYTES = 4L << 20;

    private OutputDirectoryCheck() {
    }

    /** Checks {@code --dump-dir}; a directory that cannot take a dump is a usage error of {@code cmd} naming it. */
    static void dumps(CommandSpec cmd, Path dir) {
        require(cmd, "--dump-dir " + dir.toAbsolutePath(), dir, DUMP_ROOM_BYTES, "a dump");
    }

    /**
     * Checks {@code --out}, a result file: its directory as for a dump, and the file itself, when it exists, a file
     * this user can write.
     */
    static void results(CommandSpec cmd, Path file) {
        Path abs = file.toAbsolutePath();
        String name = "--out " + abs;
        Usage.require(cmd, !Files.isDirectory(abs), name + " is a directory; give a file name, such as "
                + abs.resolve("sweep.jsonl"));
        Usage.require(cmd, !Files.exists(abs) || Files.isWritable(abs), name + " is not writable; give a file this "
                + "user can write");
        require(cmd, name + ": its directory", abs.getParent(), RESULTS_ROOM_BYTES, "the results");
    }

    /** Checks that {@code dir}, called {@code name} in messages, exists or is made, takes a file and has room. */
    private static void require(CommandSpec cmd, String name, Path dir, long room, String what) {
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
        Usage.require(cmd, free >= room, name + " has " + (free >> 20) + " MiB free; " + what + " may need "
                + (room >> 20) + " MiB: free some space or give another directory");
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
