package wedge.allocator;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SuperSlabs of one size class and the places where threads find slabs other threads left behind: the
 * mailbox (the slabs exited threads were bound to), the orphans (the other slabs they owned), the hot slot (a slab
 * with many remote frees) and the bench slot (the slab a thread last moved away from).
 */
final class ClassPool {
    final int classIdx;
    final List<SuperSlab> superSlabs = new CopyOnWriteArrayList<>();
    final Queue<TinySlabMeta> mailbox = new ConcurrentLinkedQueue<>();
    final Queue<TinySlabMeta> orphans = new ConcurrentLinkedQueue<>();
    final AtomicReference<TinySlabMeta> hot = new AtomicReference<>();
    final AtomicReference<TinySlabMeta> bench = new AtomicReference<>();
    private final TinyHeap heap;
    /** The SuperSlab fresh slabs come from; guarded by {@code this}. */
    private SuperSlab current;

    ClassPool(TinyHeap heap, int classIdx) {
        this.heap = heap;
        this.classIdx = classIdx;
    }

    /** A never-used slab, owned by {@code self}; maps a new SuperSlab when the current one is full. */
    synchronized TinySlabMeta freshSlab(int self) {
        TinySlabMeta m = current == null ? null : current.assignNext();
        if (m == null) {
            current = heap.mapSuperSlab(this);
            superSlabs.add(current);
            m = current.assignNext();
        }
        heap.ownership().grantFresh(m, self);
        return m;
    }
}
