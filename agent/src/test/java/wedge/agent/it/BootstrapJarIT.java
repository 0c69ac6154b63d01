package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hook classes' jar on the bootstrap path is one file per agent build in the user's cache, shared by every JVM,
 * and no run leaves a temporary file behind, not even one that ends by {@code Runtime.halt} after a fault.
 */
class BootstrapJarIT {
    @Test
    void twoStartsAndAHaltLeaveOneCachedJarAndNoTemporaryFile() throws Exception {
        Path dir = ChildJvm.freshDir("bootstrap-jar");
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toAbsolutePath().toString());
        String tmpdir = "-Djava.io.tmpdir=" + tmp.toAbsolutePath();

        for (int i = 0; i < 2; i++) {
            ChildJvm.Result clean = ChildJvm.run(ChildJvm.withJvmOption(ChildJvm.workload(
                    "strategy=off,dump-dir=" + dir.resolve("dumps"), "strict", "1", "1", "100", "1"), tmpdir),
                    env, dir.resolve("clean-" + i), 60);
            assertEquals(0, clean.status(), "stderr:\n" + clean.stderr());
        }
        ChildJvm.Result fault = ChildJvm.run(ChildJvm.withJvmOption(ChildJvm.command(
                "dump-dir=" + dir.resolve("dumps"), CaptureWorkload.class, "two"), tmpdir),
                env, dir.resolve("fault"), 60);
        assertEquals(139, fault.status(), "stderr:\n" + fault.stderr());

        List<Path> cached = list(cache.resolve("wedge")).stream()
                .filter(p -> p.getFileName().toString().endsWith(".jar")).toList();
        assertEquals(1, cached.size(), "one jar: " + cached);
        assertTrue(cached.get(0).getFileName().toString().matches("bootstrap-[0-9A-Za-z._-]+\\.jar"),
                cached.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.resolve("wedge"))));
        assertEquals(List.of(), list(tmp), "nothing left in the temporary directory");
    }

    @Test
    void aCacheOthersCanWriteIsNotUsedAndTheTemporaryJarIsGone() throws Exception {
        Path dir = ChildJvm.freshDir("bootstrap-unsafe-cache");
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path shared = Files.createDirectories(cache.resolve("wedge"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        ChildJvm.Result r = ChildJvm.run(ChildJvm.withJvmOption(ChildJvm.workload(
                "strategy=off,dump-dir=" + dir.resolve("dumps"), "strict", "1", "1", "100", "1"),
                "-Djava.io.tmpdir=" + tmp.toAbsolutePath()),
                Map.of("XDG_CACHE_HOME", cache.toAbsolutePath().toString()), dir.resolve("run"), 60);
        assertEquals(0, r.status(), "stderr:\n" + r.stderr());
        assertEquals(List.of(), list(shared), "nothing written where others can write");
        assertEquals(List.of(), list(tmp), "the temporary jar is deleted once opened");
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
