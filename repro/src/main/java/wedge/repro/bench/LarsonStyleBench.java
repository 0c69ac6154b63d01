package wedge.repro.bench;

import java.lang.reflect.Field;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import sun.misc.Unsafe;
import wedge.allocator.AllocatorConfig;
import wedge.allocator.TinyHeap;

/**
 * Larson's inner loop, on the allocator and on glibc side by side: each thread keeps an array of live blocks of
 * random sizes 8..1024, frees a random victim, allocates a new block of random size in its place and writes
 * 'a','b' into it. One operation = one free + one malloc. Threads are set by the runner ({@code -t 1}, {@code -t 2}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LarsonStyleBench {
    private static final int LIVE = 1024;
    /** Precomputed victims and sizes, so the benchmark measures the allocators and not the random generator. */
    private static final int SCRIPT = 1 << 14;

    private static final Unsafe UNSAFE;

    static {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One heap shared by all benchmark threads, as a process has one malloc. */
    @State(Scope.Benchmark)
    public static class Heap {
        final TinyHeap heap = new TinyHeap(AllocatorConfig.preset("strict"));
    }

    /** A thread's live blocks and its script of victims and sizes. */
    @State(Scope.Thread)
    public static class Larson {
        final long[] blocks = new long[LIVE];
        final int[] victims = new int[SCRIPT];
        final int[] sizes = new int[SCRIPT];
        int step;

        @Setup(Level.Trial)
        public void script() {
            SplittableRandom rnd = new SplittableRandom(Thread.currentThread().getId());
            for (int i = 0; i < SCRIPT; i++) {
                victims[i] = rnd.nextInt(LIVE);
                sizes[i] = 8 + rnd.nextInt(1024 - 8 + 1);
            }
        }

        int next() {
            step = (step + 1) & (SCRIPT - 1);
            return step;
        }
    }

    /** The allocator's thread state and blocks. */
    @State(Scope.Thread)
    public static class OnWedge extends Larson {
        TinyHeap heap;

        @Setup(Level.Trial)
        public void fill(Heap shared) {
            heap = shared.heap;
            for (int i = 0; i < LIVE; i++) {
                blocks[i] = heap.malloc(sizes[i]);
            }
        }

        @TearDown(Level.Trial)
        public void drop() {
            for (long b : blocks) {
                heap.free(b);
            }
            heap.threadExit();
        }
    }

    /** glibc's blocks. */
    @State(Scope.Thread)
    public static class OnGlibc extends Larson {
        @Setup(Level.Trial)
        public void fill() {
            for (int i = 0; i < LIVE; i++) {
                blocks[i] = UNSAFE.allocateMemory(sizes[i]);
            }
        }

        @TearDown(Level.Trial)
        public void drop() {
            for (long b : blocks) {
                UNSAFE.freeMemory(b);
            }
        }
    }

    /** Free a victim, allocate its replacement, write 'a','b': on the allocator's {@code strict} preset. */
    @Benchmark
    public long wedgeStrict(OnWedge t) {
        int i = t.next();
        int victim = t.victims[i];
        TinyHeap heap = t.heap;
        heap.free(t.blocks[victim]);
        long p = heap.malloc(t.sizes[i]);
        heap.memory().store2(p, (short) 0x6261);
        t.blocks[victim] = p;
        return p;
    }

    /** The same on glibc malloc/free through {@code Unsafe.allocateMemory/freeMemory}. */
    @Benchmark
    public long glibc(OnGlibc t) {
        int i = t.next();
        int victim = t.victims[i];
        UNSAFE.freeMemory(t.blocks[victim]);
        long p = UNSAFE.allocateMemory(t.sizes[i]);
        UNSAFE.putShort(p, (short) 0x6261);
        t.blocks[victim] = p;
        return p;
    }
}
