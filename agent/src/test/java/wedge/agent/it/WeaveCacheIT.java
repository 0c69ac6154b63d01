package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The woven-class cache across JVMs: a run that finds its classes in the cache loads no Byte Buddy class and is as
 * woven as the run that filled it (its fault is captured through woven points and a woven fault type), and JVMs
 * filling an empty cache at once both run woven and leave entries a later run is served from.
 */
class WeaveCacheIT {
    /** Where the agent's relocated copy of Byte Buddy lives. */
    private static final String BYTE_BUDDY = "wedge.agent.shaded.bytebuddy.";

    @Test
    void aWarmRunLoadsNoByteBuddyClassAndCapturesItsFaultAsTheColdRunDid() throws Exception {
        Path dir = ChildJvm.freshDir("weave-cache-warm");
        Run cold = Run.of(dir, "cold");
        Run warm = Run.of(dir, "warm");

        ChildJvm.Result first = cold.run();
        assertEquals(139, first.status(), "stderr:\n" + first.stderr());
        assertTrue(cold.loaded(BYTE_BUDDY), "a cold cache makes the weaver");
        assertFalse(first.stderr().contains("from the cache"), first.stderr());

        ChildJvm.Result second = warm.run();
        assertEquals(139, second.status(), "stderr:\n" + second.stderr());
        assertFalse(warm.loaded(BYTE_BUDDY), "a warm run loads no Byte Buddy class");
        assertTrue(second.stderr().contains("wove wedge.allocator.TinyHeap from the cache"), second.stderr());
        assertTrue(second.stderr().contains("wove wedge.allocator.SegmentationFault from the cache"),
                second.stderr());
        assertEquals(1, warm.dumps(), "the fault is captured and dumped");
    }

    @Test
    void twoJvmsFillingAnEmptyCacheAtOnceBothRunWovenAndLeaveEntriesThatServeTheNext() throws Exception {
        Path dir = ChildJvm.freshDir("weave-cache-concurrent");
        Run a = Run.of(dir, "a");
        Run b = Run.of(dir, "b");
        CompletableFuture<ChildJvm.Result> first = CompletableFuture.supplyAsync(a::runUnchecked);
        ChildJvm.Result second = b.run();
        for (ChildJvm.Result r : List.of(first.get(), second)) {
            assertEquals(139, r.status(), "stderr:\n" + r.stderr());
        }
        assertEquals(1, a.dumps());
        assertEquals(1, b.dumps());

        Run after = Run.of(dir, "after");
        ChildJvm.Result third = after.run();
        assertEquals(139, third.status(), "stderr:\n" + third.stderr());
        assertFalse(after.loaded(BYTE_BUDDY), "every class the run needs was left whole in the cache");
        assertFalse(third.stderr().contains("woven anew"), third.stderr());
    }

    @Test
    void aCacheThatCannotBeUsedCostsOneWarningNamingItAndTheRunGoesOnWoven() throws Exception {
        Path dir = ChildJvm.freshDir("weave-cache-unusable");
        Path file = Files.writeString(dir.resolve("cache"), "a file where the cache directory should be");
        Run run = Run.of(dir, "run");
        ChildJvm.Result r = run.run();
        assertEquals(139, r.status(), "stderr:\n" + r.stderr());
        assertEquals(1, run.dumps(), "the fault is captured through woven classes and dumped");
        List<String> warnings = r.stderr().lines().filter(l -> l.contains("woven-class cache")).toList();
        assertEquals(1, warnings.size(), r.stderr());
        assertTrue(warnings.get(0).contains(file.toString()), warnings.get(0));
    }

    /** One child JVM of the capture workload's two faulting threads, sharing the cache {@code dir/cache}. */
    private record Run(Path dir, String name) {
        static Run of(Path dir, String name) {
            return new Run(dir, name);
        }

        ChildJvm.Result run() throws Exception {
            List<String> cmd = ChildJvm.command("seed=1,log=debug,dump-dir=" + dir.resolve(name + "-dumps")
                    + ",weave-cache=" + dir.resolve("cache"), CaptureWorkload.class, "two");
            return ChildJvm.run(ChildJvm.withJvmOption(cmd, "-Xlog:class+load:file=" + classLog()),
                    dir.resolve(name), 60);
        }

        ChildJvm.Result runUnchecked() {
            try {
                return run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        boolean loaded(String prefix) throws Exception {
            try (Stream<String> lines = Files.lines(classLog())) {
                return lines.anyMatch(l -> l.contains(" " + prefix));
            }
        }

        long dumps() throws Exception {
            try (Stream<Path> files = Files.list(dir.resolve(name + "-dumps"))) {
                return files.filter(p -> p.getFileName().toString().endsWith(".json")).count();
            }
        }

        private Path classLog() {
            return dir.resolve(name + "-classes.txt").toAbsolutePath();
        }
    }
}
