package wedge.repro.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code scripts/wedge} starts its JVM from a class-data sharing archive that its first run makes in the user cache:
 * made once, used after, replaced when damaged, and never a failed command when the cache cannot hold one. Runs the
 * script of this checkout on the packaged jar, with the JDK that runs the test, in a cache of its own.
 */
class LauncherCdsIT {
    private static final Path ROOT = Path.of(System.getProperty("wedge.root", "..")).toAbsolutePath().normalize();
    private static final String MAIN_FROM_ARCHIVE = "wedge.repro.cli.Main source: shared objects file (top)";

    @TempDir
    Path tmp;

    /** The script builds what is missing; a test must find the reactor's jars, never start a build of its own. */
    @BeforeAll
    static void jarsAreBuilt() {
        for (String jar : new String[] {"repro/target/wedge.jar", "agent/target/wedge-agent.jar"}) {
            assertTrue(Files.isRegularFile(ROOT.resolve(jar)), ROOT.resolve(jar) + " is missing: run ./mvnw package");
        }
    }

    @Test
    void firstRunMakesTheArchiveAndTheNextMapsIt() throws Exception {
        Path cache = tmp.resolve("cache");
        Run first = wedge(cache, "");
        assertEquals(0, first.status, first.err);
        assertTrue(first.out.startsWith("wedge "), first.out);
        Path archive = onlyArchive(cache);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive.getParent())));

        Path log = tmp.resolve("classes.log");
        Run second = wedge(cache, "-Xlog:class+load:file=" + log);
        assertEquals(0, second.status, second.err);
        assertEquals(first.out, second.out);
        assertEquals("", second.err, "a run from a valid archive prints nothing of it");
        assertTrue(Files.readString(log).contains(MAIN_FROM_ARCHIVE), "the second run maps the archive");
        assertEquals(archive, onlyArchive(cache), "the second run keeps the archive");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"truncated", "overwritten"})
    void aDamagedArchiveIsReplacedAndTheCommandStillRuns(String damage) throws Exception {
        Path cache = tmp.resolve("cache");
        assertEquals(0, wedge(cache, "").status);
        Path archive = onlyArchive(cache);
        byte[] bytes = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        if (damage.equals("truncated")) {
            Files.write(archive, Arrays.copyOf(bytes, bytes.length / 3));
        } else {
            for (int i = bytes.length / 2; i < bytes.length / 2 + 4096; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            Files.write(archive, bytes);
        }

        Run damaged = wedge(cache, "");
        assertEquals(0, damaged.status, damaged.err);
        assertTrue(damaged.out.startsWith("wedge "), damaged.out);
        assertEquals("", damaged.err);
        Path rebuilt = onlyArchive(cache);
        assertNotEquals(archive, rebuilt, "the damaged archive is gone");

        Path log = tmp.resolve("classes.log");
        Run after = wedge(cache, "-Xlog:class+load:file=" + log);
        assertEquals(0, after.status, after.err);
        assertTrue(Files.readString(log).contains(MAIN_FROM_ARCHIVE), "the rebuilt archive is mapped");
        assertEquals(rebuilt, onlyArchive(cache));
    }

    @Test
    void aCacheThatCannotBeWrittenCostsOneWarningAndNoFailure() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Files.writeString(cache.resolve("wedge"), "a file where the cache directory would be\n");
        Run run = wedge(cache, "");
        assertEquals(0, run.status, run.err);
        assertTrue(run.out.startsWith("wedge "), run.out);
        List<String> warnings = run.err.lines().toList();
        assertEquals(1, warnings.size(), run.err);
        assertTrue(warnings.get(0).contains(cache.resolve("wedge").resolve("cds").toString()), run.err);
    }

    @Test
    void twoFirstRunsAtOnceLeaveOneValidArchive() throws Exception {
        Path cache = tmp.resolve("cache");
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(start(cache, "", tmp.resolve("out" + i), tmp.resolve("err" + i)));
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(0, finish(runs.get(i)), Files.readString(tmp.resolve("err" + i)));
        }
        Path archive = onlyArchive(cache);
        Path log = tmp.resolve("classes.log");
        Run after = wedge(cache, "-Xlog:class+load:file=" + log);
        assertEquals(0, after.status, after.err);
        assertTrue(Files.readString(log).contains(MAIN_FROM_ARCHIVE));
        assertEquals(archive, onlyArchive(cache));
    }

    /** The one archive in the cache; no temporary file of a dump is left beside it. */
    private static Path onlyArchive(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("wedge").resolve("cds"))) {
            List<Path> all = files.toList();
            all = all.stream().filter(f -> !f.getFileName().toString().equals(".lock")).toList();
            assertFalse(all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), all.toString());
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private record Run(int status, String out, String err) {
    }

    private Run wedge(Path cache, String javaOptions) throws Exception {
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        int status = finish(start(cache, javaOptions, out, err));
        return new Run(status, Files.readString(out), Files.readString(err));
    }

    private static Process start(Path cache, String javaOptions, Path out, Path err) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("scripts").resolve("wedge").toString(), "--version")
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("WEDGE_JAVA_OPTS", javaOptions);
        env.remove("WEDGE_CDS");
        return pb.start();
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/wedge --version did not end within 120 s");
        }
        return p.exitValue();
    }
}
