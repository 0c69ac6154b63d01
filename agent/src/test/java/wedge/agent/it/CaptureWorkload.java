package wedge.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import wedge.allocator.AllocatorConfig;
import wedge.allocator.SegmentationFault;
import wedge.allocator.TinyHeap;

/**
 * Programs that end in one particular way on the real allocator, run in a child JVM by the capture tests.
 *
 * <ul>
 *   <li>{@code throw}: loads from an unmapped address twice, catching each {@code SegmentationFault}, then allocates
 *       on and prints {@code went on}: the program sees the fault under {@code on-fault=throw}.</li>
 *   <li>{@code two}: two threads load from unmapped addresses at the same moment.</li>
 *   <li>{@code unwritable DIR}: puts a file in the place of directory {@code DIR} (the dump directory, checked
 *       at start-up), then loads from an unmapped address.</li>
 *   <li>{@code hang}: makes a slab's freelist and its remote-free stack share one self-linked block, as a double
 *       free by a thread that does not own the slab leaves them; the next drain of that slab then loops forever
 *       in {@code SuperSlab#drainToFreelist}.</li>
 * </ul>
 */
public final class CaptureWorkload {
    /** An address no SuperSlab maps: a link whose low bytes became 'a','b'. */
    private static final long UNMAPPED = 0x6261;
    private static final int SIZE = 16;

    private CaptureWorkload() {
    }

    public static void main(String[] args) throws Exception {
        TinyHeap heap = new TinyHeap(AllocatorConfig.preset("buggy"));
        switch (args[0]) {
            case "throw" -> faultTwiceAndGoOn(heap);
            case "two" -> twoAtOnce(heap);
            case "unwritable" -> {
                Path dir = Path.of(args[1]);
                Files.delete(dir);
                Files.writeString(dir, "not a directory");
                heap.memory().load8(UNMAPPED);
            }
            case "hang" -> hang(heap);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void faultTwiceAndGoOn(TinyHeap heap) {
        for (int i = 0; i < 2; i++) {
            try {
                heap.memory().load8(UNMAPPED + i);
                throw new AssertionError("no fault");
            } catch (SegmentationFault e) {
                System.out.println("caught " + e.getMessage());
            }
        }
        heap.free(heap.malloc(SIZE));
        System.out.println("went on");
    }

    /**
     * Both threads spin until both are ready, then fault: a spinning thread is running when the first fault's capture
     * looks for the others, as a thread on its way to a fault is. (A thread parked at a barrier instead is seen asleep
     * until the scheduler wakes it, and a capture does not wait for sleepers.)
     */
    private static void twoAtOnce(TinyHeap heap) throws InterruptedException {
        AtomicInteger ready = new AtomicInteger();
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            long address = UNMAPPED + 8L * i;
            threads[i] = new Thread(() -> {
                heap.free(heap.malloc(SIZE));
                ready.incrementAndGet();
                while (ready.get() < 2) {
                    Thread.onSpinWait();
                }
                heap.memory().load8(address);
            }, "faulter-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * The owner takes its cache down to one block, p, and exits, which pushes p onto the slab's empty freelist
     * (p's link = 0, freelist = p). Then main frees p twice from outside: two remote pushes, the second linking p
     * to itself. A drain walks the remote stack from p: next = p, p's link = freelist (p), freelist = p, and again.
     */
    private static void hang(TinyHeap heap) throws InterruptedException {
        long[] p = new long[1];
        Thread owner = new Thread(() -> {
            for (int i = 0; i < heap.config().refillBatch(); i++) {
                p[0] = heap.malloc(SIZE);
            }
            heap.free(p[0]);
            heap.threadExit();
        }, "owner");
        owner.start();
        owner.join();
        heap.free(p[0]);
        heap.free(p[0]);
        System.out.println("cycle made at 0x" + Long.toHexString(p[0]));
        heap.malloc(SIZE);
        System.out.println("drained");
    }
}
