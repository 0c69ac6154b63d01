package wedge.agent.weave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wedge.agent.points.Point;
import wedge.agent.points.PointFile;
import wedge.allocator.TinyHeap;

/**
 * The woven-class cache in front of Byte Buddy's real weaver, in-process: what a hit serves is byte for byte what a
 * miss wove, a hit never makes the weaver, and whatever weaving depends on (points, fault types, the class file, the
 * classes it read) changes the answer from hit to miss. A damaged entry is a miss that is woven again and replaced.
 */
class CachingWeaverTest {
    /** The allocator's pop: a real class, outside the agent's own packages, which are never woven. */
    private static final String HEAP = TinyHeap.class.getName();
    private static final String INTERNAL = HEAP.replace('.', '/');
    private static final String BUILD = "test-build";
    private static final String META = "wedge.allocator.TinySlabMeta";
    private static final List<Point> POINTS = PointFile.parse("test",
            "field-read  " + META + "#freelist  r  in wedge.allocator.*\n"
            + "field-write " + META + "#freelist  w  in wedge.allocator.*\n").points();

    @TempDir
    Path dir;

    @Test
    void aHitServesTheBytesTheMissWoveWithoutMakingTheWeaver() throws Exception {
        WeaveCache cache = new WeaveCache(dir, WeaveCache.MAX_BYTES);
        Counting miss = new Counting(() -> Weaving.points(POINTS, null, Set.of(), HookClassFiles.of(Map.of())));
        byte[] woven = transform(weaverOf(POINTS, List.of(), cache, miss), heapClassFile());
        assertEquals(1, miss.made.get(), "a miss makes the weaver");
        assertNotNull(woven, "TinyHeap reads and writes freelist, so it is woven");
        assertFalse(Arrays.equals(heapClassFile(), woven), "the woven class differs from the original");

        Counting never = new Counting(() -> {
            throw new AssertionError("a hit must not make the weaver");
        });
        assertArrayEquals(woven, transform(weaverOf(POINTS, List.of(), cache, never), heapClassFile()));
        assertEquals(0, never.made.get());

        byte[] again = transform(weaverOf(POINTS, List.of(), null, new Counting(
                () -> Weaving.points(POINTS, null, Set.of(), HookClassFiles.of(Map.of())))), heapClassFile());
        assertArrayEquals(woven, again, "weaving is a function of its inputs: a fresh weaver gives the same bytes");
    }

    @Test
    void otherPointsOtherFaultTypesAndAnotherClassFileMiss() throws Exception {
        WeaveCache cache = new WeaveCache(dir, WeaveCache.MAX_BYTES);
        byte[] classFile = heapClassFile();
        transform(weaverOf(POINTS, List.of(), cache, weaving(POINTS)), classFile);

        List<Point> readOnly = PointFile.parse("test", "field-read  " + META + "#freelist  r  in wedge.allocator.*\n")
                .points();
        Counting otherPoints = weaving(readOnly);
        transform(weaverOf(readOnly, List.of(), cache, otherPoints), classFile);
        assertEquals(1, otherPoints.made.get(), "other points miss");

        Counting otherFaults = weaving(POINTS);
        transform(weaverOf(POINTS, List.of("java.lang.IllegalStateException"), cache, otherFaults), classFile);
        assertEquals(1, otherFaults.made.get(), "other fault types miss");

        byte[] changed = classFile.clone();
        changed[changed.length - 1] ^= 1;
        WeaveKey key = WeaveKey.forPoints(BUILD, POINTS, null, List.of());
        assertFalse(key.of(INTERNAL, classFile).equals(key.of(INTERNAL, changed)), "another class file, another key");
        assertFalse(key.of(INTERNAL, classFile).equals(WeaveKey.forPoints("other-build", POINTS, null, List.of())
                .of(INTERNAL, classFile)), "another agent build, another key");
    }

    @Test
    void aCorruptOrTruncatedEntryIsWovenAgainAndReplaced() throws Exception {
        WeaveCache cache = new WeaveCache(dir, WeaveCache.MAX_BYTES);
        byte[] woven = transform(weaverOf(POINTS, List.of(), cache, weaving(POINTS)), heapClassFile());
        Path entry = onlyEntry();
        byte[] whole = Files.readAllBytes(entry);

        byte[] flipped = whole.clone();
        flipped[flipped.length / 2] ^= 0x40;
        for (byte[] damaged : List.of(flipped, Arrays.copyOf(whole, whole.length - 7), new byte[0])) {
            Files.write(entry, damaged);
            Counting again = weaving(POINTS);
            assertArrayEquals(woven, transform(weaverOf(POINTS, List.of(), cache, again), heapClassFile()));
            assertEquals(1, again.made.get(), "a damaged entry is a miss");
            assertArrayEquals(whole, Files.readAllBytes(entry), "and is replaced by a whole one");
        }
    }

    @Test
    void anEntryWhoseReadClassesChangedIsAMiss() throws Exception {
        Woven.Dependency heap = Woven.Dependency.of(HEAP, heapClassFile());
        ClassLoader loader = getClass().getClassLoader();
        assertTrue(new Woven(null, List.of(heap)).stillHolds(loader));
        byte[] other = heapClassFile();
        other[other.length - 1] ^= 1;
        assertFalse(new Woven(null, List.of(Woven.Dependency.of(HEAP, other))).stillHolds(loader),
                "a class read while weaving has changed");
        assertFalse(new Woven(null, List.of(Woven.Dependency.of("no.such.Type", other))).stillHolds(loader),
                "a class read while weaving is gone");
        assertTrue(new Woven(null, List.of(Woven.Dependency.of("no.such.Type", null))).stillHolds(loader),
                "a class not found then is still not found");
    }

    @Test
    void pastItsBoundTheLeastRecentlyUsedEntriesGo() throws Exception {
        WeaveCache cache = new WeaveCache(dir, 2_500);
        Woven kilobyte = new Woven(new byte[1_000], List.of());
        for (String key : List.of("a", "b")) {
            cache.store(key, kilobyte);
        }
        Files.setLastModifiedTime(dir.resolve("a.woven"), FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(dir.resolve("b.woven"), FileTime.fromMillis(2_000));
        assertNotNull(cache.lookup("a", null), "a hit marks the entry used now");
        cache.store("c", kilobyte);
        assertNull(cache.lookup("b", null), "the least recently used entry is evicted");
        assertNotNull(cache.lookup("a", null));
        assertNotNull(cache.lookup("c", null));
    }

    private static CachingWeaver weaverOf(List<Point> points, List<String> faultTypes, WeaveCache cache,
                                          Counting maker) {
        return new CachingWeaver(HEAP::equals, maker, cache, WeaveKey.forPoints(BUILD, points, null, faultTypes),
                ConcurrentHashMap.newKeySet());
    }

    private static Counting weaving(List<Point> points) {
        return new Counting(() -> Weaving.points(points, null, Set.of(), HookClassFiles.of(Map.of())));
    }

    private byte[] transform(CachingWeaver weaver, byte[] classFile) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        return weaver.transform(loader.getUnnamedModule(), loader, INTERNAL, null, null, classFile);
    }

    private Path onlyEntry() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> entries = files.filter(p -> p.toString().endsWith(".woven")).toList();
            assertEquals(1, entries.size(), entries.toString());
            return entries.get(0);
        }
    }

    private static byte[] heapClassFile() throws IOException {
        try (InputStream in = TinyHeap.class.getResourceAsStream("TinyHeap.class")) {
            return in.readAllBytes();
        }
    }

    /** A weaver maker that counts how often it is asked. */
    private static final class Counting implements Supplier<ClassWeaver> {
        final AtomicInteger made = new AtomicInteger();
        private final Supplier<ClassWeaver> maker;

        Counting(Supplier<ClassWeaver> maker) {
            this.maker = maker;
        }

        @Override
        public ClassWeaver get() {
            made.incrementAndGet();
            return maker.get();
        }
    }
}
