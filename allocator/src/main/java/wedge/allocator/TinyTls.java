package wedge.allocator;

/**
 * One thread's state for one size class: the slab it allocates from ({@code tls[class]} in the seed) and its
 * front-end cache of free blocks (hakmem's TLS SLL), a list linked through the blocks' own first 8 bytes.
 *
 * <p>Only the thread it belongs to reads or writes any field.
 */
final class TinyTls {
    /** The bound slab, or null before the first allocation of this class. */
    TinySlabMeta meta;
    /** The slab bound before {@link #meta}: the sticky candidate. */
    TinySlabMeta sticky;
    /** Head of the cache list, 0 = empty. */
    long cacheHead;
    int cacheCount;
}
