package wedge.allocator;

/**
 * The seed's {@code superslab_refill} and {@code tiny_refill_try_fast}: how a thread whose bound slab has
 * nothing left finds another, trying the drain call sites of the seed in its order, each behind its
 * {@link Switch}.
 *
 * <p>The unsafe sites drain a slab's remote queue into its {@code freelist} before, or without, owning the slab:
 * fix1 and fix2 (every slab of the thread's SuperSlab), sticky, hot and bench (drain, then claim). Mailbox and
 * adopt claim first. With {@link Switch#OWNER_CHECK} fix1/fix2 check the owner first; with
 * {@link Switch#CLAIM_FIRST} sticky/hot/bench claim first; with {@link Switch#STRICT} every drain is by the
 * slab's exclusive owner, so it implies both.
 */
final class SuperslabRefill {
    private final TinyHeap heap;
    private final SlabOwnership ownership;
    private final boolean fix1;
    private final boolean sticky;
    private final boolean hot;
    private final boolean bench;
    private final boolean mailbox;
    private final boolean adopt;
    private final boolean ownerCheck;
    private final boolean claimFirst;

    SuperslabRefill(TinyHeap heap, AllocatorConfig config) {
        this.heap = heap;
        this.ownership = heap.ownership();
        this.fix1 = config.on(Switch.FIX1);
        this.sticky = config.on(Switch.STICKY);
        this.hot = config.on(Switch.HOT);
        this.bench = config.on(Switch.BENCH);
        this.mailbox = config.on(Switch.MAILBOX);
        this.adopt = config.on(Switch.ADOPT);
        this.ownerCheck = config.on(Switch.OWNER_CHECK) || ownership.strict();
        this.claimFirst = config.on(Switch.CLAIM_FIRST) || ownership.strict();
    }

    /** Binds {@code tls} to a slab with free blocks or room to carve. Always succeeds: last comes a fresh slab. */
    void superslabRefill(ThreadCtx self, TinyTls tls, ClassPool pool) {
        TinySlabMeta prev = tls.meta;
        if (prev != null) {
            if (ownership.owner(prev) == self.tid && prev.ss.hasRemote(prev.slabIdx)) {
                prev.ss.drainToFreelist(prev.slabIdx);
                if (prev.freelist != 0) {
                    return;
                }
            }
            pool.bench.set(prev);
        }
        if ((prev != null && reuseFromSuperSlab(self, tls, prev.ss))
                || (sticky && drainThenBind(self, tls, tls.sticky))
                || (hot && drainThenBind(self, tls, pool.hot.get()))
                || (bench && drainThenBind(self, tls, pool.bench.get()))
                || (mailbox && fromMailbox(self, tls, pool))
                || (adopt && adoptOrphan(self, tls, pool))) {
            return;
        }
        heap.bindSlab(tls, pool.freshSlab(self.tid));
    }

    /**
     * Fix #1 and Fix #2's loop: drain every slab of {@code ss} that has remote frees. Without
     * {@link Switch#OWNER_CHECK} this drains slabs other threads own and are popping right now.
     */
    void drainAll(SuperSlab ss, int self, boolean checkOwner) {
        for (int i = 0; i < ss.assigned(); i++) {
            if (ss.hasRemote(i) && (!checkOwner || ss.slabs[i].ownerTid == self)) {
                ss.drainToFreelist(i);
            }
        }
    }

    /**
     * superslab_refill Priority 1: reuse a slab of the thread's SuperSlab that has a freelist and that it owns or
     * can claim. Fix #1 added the drain of every slab first, without an ownership check.
     */
    private boolean reuseFromSuperSlab(ThreadCtx self, TinyTls tls, SuperSlab ss) {
        if (fix1 || ownership.strict()) {
            drainAll(ss, self.tid, ownerCheck);
        }
        for (int i = 0; i < ss.assigned(); i++) {
            TinySlabMeta m = ss.slabs[i];
            if (ownership.strict() ? claimIfStocked(self, m) : m.freelist != 0 && ownership.ownerClaim(m, self.tid)) {
                heap.bindSlab(tls, m);
                return true;
            }
        }
        return false;
    }

    /**
     * Under {@link Switch#STRICT}: claims {@code m} and keeps it if its freelist has blocks. The seed looks at
     * {@code freelist} before it claims, a plain read of a field the owner is writing: a data race, however
     * harmless its outcome here, so the strict protocol reads it only once it owns the slab, and gives back a slab
     * it claimed for nothing.
     */
    private boolean claimIfStocked(ThreadCtx self, TinySlabMeta m) {
        boolean owned = ownership.owner(m) == self.tid;
        if (!ownership.ownerClaim(m, self.tid)) {
            return false;
        }
        if (m.freelist != 0) {
            return true;
        }
        if (!owned) {
            ownership.release(m, self.tid);
        }
        return false;
    }

    /**
     * Sticky, hot and bench: the seed drains the candidate and then binds and claims it; with
     * {@link Switch#CLAIM_FIRST} it claims first and drains only what it owns.
     */
    private boolean drainThenBind(ThreadCtx self, TinyTls tls, TinySlabMeta m) {
        if (m == null || m == tls.meta) {
            return false;
        }
        if (claimFirst) {
            return claimThenDrain(self, tls, m);
        }
        if (m.freelist == 0 && m.ss.hasRemote(m.slabIdx)) {
            m.ss.drainToFreelist(m.slabIdx);
        }
        if (m.freelist != 0 && ownership.ownerClaim(m, self.tid)) {
            heap.bindSlab(tls, m);
            return true;
        }
        return false;
    }

    /**
     * Fix #3's order: claim, then drain, then bind if the slab has something to give. A slab claimed here and found
     * empty is given back at once (under {@link Switch#STRICT}); one the thread already owned stays its own.
     */
    private boolean claimThenDrain(ThreadCtx self, TinyTls tls, TinySlabMeta m) {
        boolean owned = ownership.owner(m) == self.tid;
        if (!ownership.ownerClaim(m, self.tid)) {
            return false;
        }
        if (m.ss.hasRemote(m.slabIdx)) {
            m.ss.drainToFreelist(m.slabIdx);
        }
        if (m.freelist != 0 || m.carved < m.capacity) {
            heap.bindSlab(tls, m);
            return true;
        }
        if (!owned) {
            ownership.release(m, self.tid);
        }
        return false;
    }

    /** Mailbox (Fix #3): slabs posted by exited threads. */
    private boolean fromMailbox(ThreadCtx self, TinyTls tls, ClassPool pool) {
        TinySlabMeta m;
        while ((m = pool.mailbox.poll()) != null) {
            if (m != tls.meta && claimThenDrain(self, tls, m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adopt: a slab an exited thread left with blocks still out. One that has nothing to give yet goes back on the
     * list, since its blocks will come home through its remote queue.
     */
    private boolean adoptOrphan(ThreadCtx self, TinyTls tls, ClassPool pool) {
        for (int n = pool.orphans.size(); n > 0; n--) {
            TinySlabMeta m = pool.orphans.poll();
            if (m == null) {
                return false;
            }
            int owner = ownership.owner(m);
            if (m != tls.meta && (owner == 0 || !heap.isLive(owner)) && claimThenDrain(self, tls, m)) {
                return true;
            }
            if (ownership.owner(m) != self.tid) {
                pool.orphans.add(m);
            }
        }
        return false;
    }
}
