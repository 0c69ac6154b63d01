package wedge.allocator;

/**
 * Metadata of one 64 KiB slab: the seed's {@code TinySlabMeta}.
 *
 * <p>Invariant the seed's code breaks and {@link Switch#STRICT} keeps: {@link #freelist}, {@link #used} and
 * {@link #carved} are written only by the thread whose ordinal is in {@link #ownerTid}. They are plain fields on
 * purpose: the race this project reproduces is a lost update on {@code freelist} between the owner's pop/push and a
 * non-owner's drain, and it must be a real data race, not a simulated one.
 */
public final class TinySlabMeta {
    /** Head of the intrusive list of free blocks (address of the first, 0 = empty); each block's first 8 bytes link
     * to the next. Plain and non-volatile: the racy field. */
    long freelist;
    /** Blocks handed out of this slab to thread caches and not returned to its freelist. */
    int used;
    /** Bump cursor: blocks carved so far; blocks at index >= carved were never handed out. */
    int carved;
    /** Ordinal of the owning thread, 0 = none. Written by CAS ({@link SlabOwnership}); read plainly where a stale
     * value is tolerated. */
    int ownerTid;

    final SuperSlab ss;
    final int slabIdx;
    final int classIdx;
    final int blockSize;
    final int capacity;
    /** Address of block 0. */
    final long base;
    private final String label;

    TinySlabMeta(SuperSlab ss, int slabIdx, int classIdx, long base) {
        this.ss = ss;
        this.slabIdx = slabIdx;
        this.classIdx = classIdx;
        this.blockSize = SizeClass.blockSize(classIdx);
        this.capacity = SuperSlab.SLAB_SIZE / blockSize;
        this.base = base;
        this.label = ss + "/slab" + slabIdx;
    }

    /** Address just past the slab. */
    long end() {
        return base + SuperSlab.SLAB_SIZE;
    }

    /** The label events and dumps use, e.g. {@code ss0/slab5}. */
    @Override
    public String toString() {
        return label;
    }
}
