package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dump directory that cannot take a dump stops the JVM before {@code main} (status 2, one line naming it); a dump
 * that still cannot be written at the fault is reported in one parseable line, and the run still ends as a fault.
 */
class DumpDirectoryIT {
    private static final String[] WORKLOAD = {"strict", "1", "1", "10", "1"};

    @Test
    void aFileInItsPlace() throws Exception {
        Path dir = ChildJvm.freshDir("dumpdir-file");
        Path dumps = Files.writeString(dir.resolve("dumps"), "a file");
        assertRefused(dir, dumps, "a file is in its place");
    }

    @Test
    void aParentThatCannotBeMade() throws Exception {
        Path dir = ChildJvm.freshDir("dumpdir-parent");
        Path file = Files.writeString(dir.resolve("file"), "a file");
        assertRefused(dir, file.resolve("dumps"), "cannot take dumps: ");
    }

    @Test
    void aReadOnlyDirectory() throws Exception {
        Path dir = ChildJvm.freshDir("dumpdir-readonly");
        Path dumps = Files.createDirectories(dir.resolve("dumps"));
        Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dumps), "the superuser writes to read-only directories");
            assertRefused(dir, dumps, "Permission denied");
        } finally {
            Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aDumpThatCannotBeWrittenIsReportedAndTheRunStillEndsAsAFault() throws Exception {
        Path dir = ChildJvm.freshDir("dumpdir-unwritten");
        Path dumps = Files.createDirectories(dir.resolve("dumps"));
        List<String> cmd = ChildJvm.command("seed=1,dump-dir=" + dumps, CaptureWorkload.class, "unwritable",
                dumps.toString());
        ChildJvm.Result r = ChildJvm.run(cmd, dir, 60);
        assertEquals(139, r.status(), "stderr:\n" + r.stderr());
        List<String> lines = r.stderr().lines().filter(l -> l.startsWith("wedge-agent: dump-")).toList();
        assertEquals(List.of("wedge-agent: dump-unwritten kind=fault dir=\"" + dumps.toAbsolutePath()
                + "\" reason=\"a file is in its place\" type=wedge.allocator.SegmentationFault address=0x6261"), lines);
        assertTrue(Files.isRegularFile(dumps), "the file the program put there is untouched");
    }

    private static void assertRefused(Path dir, Path dumps, String reason) throws Exception {
        ChildJvm.Result r = ChildJvm.run(ChildJvm.workload("dump-dir=" + dumps, WORKLOAD), dir, 30);
        assertEquals(2, r.status(), "stderr:\n" + r.stderr());
        assertFalse(r.stdout().contains("done"), "main must not run");
        List<String> lines = r.agentErrorLines();
        assertEquals(1, lines.size(), "one line: " + lines);
        assertTrue(lines.get(0).startsWith("wedge-agent: dump-dir " + dumps.toAbsolutePath() + " cannot take dumps: ")
                && lines.get(0).contains(reason), lines.get(0));
    }
}
