package wedge.repro.dump;

/**
 * What a fault address is, judged from its bits and the heap's map: the first rule that fits, in this order.
 * {@code wedge dump explain} gives the evidence; run signatures use {@link #id()}.
 */
public enum AddressClass {
    /** {@code 0x6261}: the bytes 'a','b' that Larson writes, over a NULL (end-of-list) link. */
    AB_OVER_NULL("ab-over-null"),
    /** {@code 0x....6261} with the heap's upper bytes: 'a','b' over the low 16 bits of a real link. */
    AB_OVER_LINK("ab-over-link"),
    /** Within the first page: a NULL pointer plus a small offset. */
    NULL_PAGE("null-page"),
    /** Inside a mapped SuperSlab but not at a block boundary of its class. */
    MISALIGNED_IN_SLAB("misaligned-in-slab"),
    /** A block start inside a SuperSlab: a real block address, used where it should not be. */
    BLOCK("block"),
    /** Not a heap address, but its low 32 or 16 bits are those of a real block: a truncated pointer. */
    TRUNCATED("truncated"),
    /** None of the above: an address nothing maps. */
    UNMAPPED("unmapped");

    private static final long AB = 0x6261;
    private static final long PAGE = 4096;

    private final String id;

    AddressClass(String id) {
        this.id = id;
    }

    /** The short name used in signatures, e.g. {@code ab-over-null}. */
    public String id() {
        return id;
    }

    /** The class of {@code address} in {@code heap}. */
    public static AddressClass of(long address, HeapMap heap) {
        if (address == AB) {
            return AB_OVER_NULL;
        }
        if ((address & 0xffff) == AB && heap.nearHeap(address)) {
            return AB_OVER_LINK;
        }
        if (address >= 0 && address < PAGE) {
            return NULL_PAGE;
        }
        HeapMap.Region r = heap.regionOf(address);
        if (r != null) {
            return r.blockSize() > 0 && (address - r.base()) % r.blockSize() != 0 ? MISALIGNED_IN_SLAB : BLOCK;
        }
        if (!heap.nearHeap(address)
                && (heap.blockWithLowBits(address, 32) != null || heap.blockWithLowBits(address, 16) != null)) {
            return TRUNCATED;
        }
        return UNMAPPED;
    }
}
