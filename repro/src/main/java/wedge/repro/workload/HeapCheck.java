package wedge.repro.workload;

import java.util.HashSet;
import java.util.Set;

import wedge.allocator.TinyHeap;

/**
 * The heap's books balanced at the end of a run, with no thread using it: every block the workload still holds is
 * held once, and every other carved block is free (on a freelist, in a remote queue or in a live thread's cache).
 * Only counts are compared, so a block lost and another handed out twice at once cancel out in {@link #leaked};
 * a block held twice by the workload is always seen.
 *
 * @param leaked          blocks neither held nor free
 * @param doubleAllocated blocks held twice, or held and free at once
 */
public record HeapCheck(long leaked, long doubleAllocated) {

    /** Checks {@code heap} against the blocks the workload holds. */
    public static HeapCheck of(TinyHeap heap, long[][] held) {
        Set<Long> distinct = new HashSet<>();
        long twice = 0;
        for (long[] blocks : held) {
            for (long p : blocks) {
                if (!distinct.add(p)) {
                    twice++;
                }
            }
        }
        long unaccounted = heap.census().leaked(distinct.size());
        return new HeapCheck(Math.max(0, unaccounted), twice + Math.max(0, -unaccounted));
    }

    /** Whether the books balance. */
    public boolean ok() {
        return leaked == 0 && doubleAllocated == 0;
    }

    /** The line the workload prints, which {@code wedge run} reads. */
    public String line() {
        return "heap_check leaked=" + leaked + " double_alloc=" + doubleAllocated;
    }
}
