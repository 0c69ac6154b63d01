package wedge.repro.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The lock a sweep holds on its result file while it writes it: two sweeps on one file would both run every seed
 * into it. An advisory lock of the whole file, so the operating system drops it with the process, however it ends,
 * and no stale lock file is ever left to clear by hand.
 */
final class ResultFileLock {
    /** Where Linux lists the file locks held, with the pid of each holder. */
    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    private ResultFileLock() {
    }

    /**
     * Locks {@code ch}, the open result file {@code path}, for this process until {@code ch} is closed.
     *
     * @return null when locked, else why the file system would not lock it (some network file systems take no
     *         locks): the sweep goes on without one, as it did before there were locks
     * @throws ResultFileBusy when another sweep holds it, naming the file and, where the system tells, its pid
     */
    static String acquire(FileChannel ch, Path path) {
        FileLock lock;
        OptionalLong holder;
        try {
            lock = ch.tryLock();
            holder = lock == null ? holder(path) : OptionalLong.empty();
        } catch (OverlappingFileLockException e) {
            lock = null;
            holder = OptionalLong.of(ProcessHandle.current().pid());
        } catch (IOException e) {
            return String.valueOf(e.getMessage());
        }
        if (lock == null) {
            throw new ResultFileBusy(path, holder);
        }
        return null;
    }

    /**
     * The pid holding a lock on {@code path}, from {@link #PROC_LOCKS}: lines such as
     * {@code 1: POSIX  ADVISORY  WRITE 3568 fe:00:2147108 0 EOF}, whose sixth field ends with the file's inode. Empty
     * where the system keeps no such list.
     */
    private static OptionalLong holder(Path path) {
        try {
            String inode = ":" + Files.getAttribute(path, "unix:ino");
            List<String> lines = Files.readAllLines(PROC_LOCKS);
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                // a waiter's line has "->" after the number, and is no holder
                if (f.length >= 6 && !f[1].equals("->") && f[5].endsWith(inode) && f[4].matches("\\d+")) {
                    return OptionalLong.of(Long.parseLong(f[4]));
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no /proc or no inode: the message names the file without the pid
        }
        return OptionalLong.empty();
    }
}
