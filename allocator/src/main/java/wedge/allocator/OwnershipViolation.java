package wedge.allocator;

/** Thrown by the debug ownership assertion ({@link Switch#ASSERT_OWNER}) when a thread drains a slab another live
 * thread owns: the seed's {@code [OWNERSHIP ERROR]} abort. */
public final class OwnershipViolation extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    OwnershipViolation(TinySlabMeta slab, int self, int owner) {
        super("ownership error: thread T" + self + " draining " + slab + " owned by live thread T" + owner);
    }
}
