package wedge.allocator;

/**
 * Thrown by the debug ownership assertion ({@link Switch#ASSERT_OWNER}) when a thread drains a slab another live
 * thread owns, or pops from or pushes onto the freelist of a slab it does not own: the seed's
 * {@code [OWNERSHIP ERROR]} abort.
 */
public final class OwnershipViolation extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    OwnershipViolation(TinySlabMeta slab, int self, int owner, String access) {
        super("ownership error: thread T" + self + " " + access + " " + slab + " owned by "
                + (owner == 0 ? "no thread" : "thread T" + owner));
    }
}
