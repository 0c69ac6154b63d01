package wedge.repro.dump;

/**
 * What a thread was doing to a slab's {@code freelist}, told by the site of the access. Each names one of the
 * allocator's paths that read {@code freelist} and then write it (so a write always follows its own read).
 */
public enum Role {
    /** {@code TinyHeap#popBatch}: the owner's refill pop; reads the head, writes the head's link. */
    POP("pop", "wedge.allocator.TinyHeap#popBatch"),
    /** {@code TinyHeap#spill}: the owner's push of cached blocks; reads the head, links a block to it, writes it. */
    PUSH("push", "wedge.allocator.TinyHeap#spill"),
    /** {@code SuperSlab#drainToFreelist}: a drain, by whichever thread; per node reads the head, links, writes. */
    DRAIN("drain", "wedge.allocator.SuperSlab#drainToFreelist"),
    /** Any other site: a read with no write of its own, such as a refill's emptiness check. */
    OTHER("access", "");

    private final String word;
    private final String site;

    Role(String word, String site) {
        this.word = word;
        this.site = site;
    }

    /** The role of an access at {@code site}. */
    public static Role of(String site) {
        for (Role r : values()) {
            if (r != OTHER && r.site.equals(site)) {
                return r;
            }
        }
        return OTHER;
    }

    /** The short word reports use: pop, push, drain. */
    public String word() {
        return word;
    }

    /** Whether the write of this role puts a block on the list (its written value), rather than taking one off. */
    public boolean links() {
        return this == PUSH || this == DRAIN;
    }
}
