package wedge.agent.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes dump files so that a reader never sees half of one: each file is written to a temporary file in the same
 * directory, forced to disk, and renamed into place; the directory is forced after the rename. Files are readable
 * by their owner only (0600): a heap snapshot can hold application data.
 */
final class DumpFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final AtomicInteger WRITTEN = new AtomicInteger();
    /** Large enough that a dump of a 16k-event ring goes to the disk in a few dozen writes. */
    private static final int BUFFER = 1 << 17;

    private final Path dir;

    DumpFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * The base name for a dump of {@code kind}: {@code wedge-<kind>-<time>-<pid>}, and {@code -<n>} after it for the
     * n-th dump of this JVM from the second on (a JVM whose runs are started in-process writes one per run).
     */
    static String baseName(String kind) {
        int n = WRITTEN.incrementAndGet();
        return "wedge-" + kind + "-" + LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid()
                + (n == 1 ? "" : "-" + n);
    }

    /**
     * What goes into a file, written to a stream it must not close: the file is forced to disk after it, and a
     * content that throws leaves no file behind.
     */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} atomically as {@code name} and returns its path. */
    Path write(String name, Content content) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".wedge-", ".tmp", ownerOnly());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Path target = dir.resolve(name);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory();
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    /** Makes the rename durable; not every platform can open a directory, and then the rename is as good as it gets. */
    private void forceDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // best effort, see above
        }
    }
}
