package wedge.allocator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Who owns a slab, and how ownership moves: the seed's {@code ss_owner_cas}.
 *
 * <p>In the seed's protocol a thread claims a slab whose owner is none or gone by CAS, and never gives a slab up
 * while it lives. Under {@link Switch#STRICT} ownership moves only by CAS from 0 (none) to the claimer, and back to
 * 0 by the owner when it exits, or at once when a slab it claimed turns out to have nothing to give. A thread keeps
 * the slabs it moves away from, as a mimalloc heap keeps its pages, so that its frees into them stay local.
 * Release is a CAS that follows the owner's last
 * access to the slab's plain fields, and claim is an acquire-CAS, so the next owner sees them all: plain fields
 * stay correct because exactly one thread at a time may touch them.
 */
public final class SlabOwnership {
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(TinySlabMeta.class, "ownerTid", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final TinyHeap heap;
    private final boolean strict;
    private final boolean assertOwner;

    SlabOwnership(TinyHeap heap, AllocatorConfig config) {
        this.heap = heap;
        this.strict = config.on(Switch.STRICT);
        this.assertOwner = config.on(Switch.ASSERT_OWNER);
    }

    /** Whether the complete protocol is in force. */
    boolean strict() {
        return strict;
    }

    /**
     * {@code ss_owner_cas}: makes {@code self} the owner of {@code meta} if it is free to take.
     *
     * @return whether {@code self} owns the slab now
     */
    public boolean ownerClaim(TinySlabMeta meta, int self) {
        int cur = (int) OWNER.getAcquire(meta);
        if (cur == self) {
            return true;
        }
        boolean free = cur == 0 || (!strict && !heap.isLive(cur));
        return free && OWNER.compareAndSet(meta, cur, self);
    }

    /** Gives up {@code self}'s ownership of {@code meta}, if it has it; only the strict protocol ever releases. */
    void release(TinySlabMeta meta, int self) {
        if (strict) {
            OWNER.compareAndSet(meta, self, 0);
        }
    }

    /** Makes {@code self} the owner of a slab no thread has used yet. */
    void grantFresh(TinySlabMeta meta, int self) {
        OWNER.setRelease(meta, self);
    }

    /** Current owner, read with acquire semantics. */
    int owner(TinySlabMeta meta) {
        return (int) OWNER.getAcquire(meta);
    }

    /**
     * Under {@link Switch#ASSERT_OWNER}, refuses a plain access to {@code meta.freelist} by a thread that does not
     * own the slab: the invariant {@link TinySlabMeta} states, checked where the owner pops and pushes.
     *
     * @param access what the thread is doing, for the message ({@code popping}, {@code pushing onto})
     */
    void checkOwner(TinySlabMeta meta, String access) {
        if (assertOwner) {
            int self = heap.selfTid();
            int owner = owner(meta);
            if (owner != self) {
                heap.counters().ownershipViolations.increment();
                throw new OwnershipViolation(meta, self, owner, access);
            }
        }
    }

    /** Counts, and under {@link Switch#ASSERT_OWNER} refuses, a drain by a thread that does not own the slab. */
    void checkDrain(TinySlabMeta meta) {
        int self = heap.selfTid();
        int owner = owner(meta);
        if (owner == self) {
            return;
        }
        heap.counters().nonOwnerDrains.increment();
        if (owner != 0 && heap.isLive(owner)) {
            heap.counters().ownershipViolations.increment();
            if (assertOwner) {
                throw new OwnershipViolation(meta, self, owner, "draining");
            }
        }
    }
}
