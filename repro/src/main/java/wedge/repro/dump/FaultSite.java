package wedge.repro.dump;

import java.util.List;
import java.util.Optional;

/**
 * The fault in the heap's terms: the faulting thread's last recorded event, the slab it touched, and, when that
 * thread's last pop there wrote the fault address as the new head, the pop: its read is the block whose link held
 * the fault address.
 *
 * @param address the fault address, or null when the fault has none
 * @param thread  the faulting thread's agent ordinal, or -1 when unknown
 * @param last    the faulting thread's last event in the window, or null
 * @param slab    the slab label of its last slab event, or null
 * @param linkPop the pop whose written link was the fault address, or null
 */
public record FaultSite(Long address, int thread, Event last, String slab, FreelistOp linkPop) {
    /** The fault site of {@code dump}, whose operations are {@code ops}. */
    public static FaultSite of(Dump dump, List<FreelistOp> ops) {
        Long address = dump.faultAddress();
        int thread = dump.fault().path("thread").path("ordinal").asInt(-1);
        Event last = null;
        Event lastOnSlab = null;
        for (Event e : dump.events()) {
            if (e.thread() == thread) {
                last = e;
                if (e.label().contains("/slab")) {
                    lastOnSlab = e;
                }
            }
        }
        String slab = lastOnSlab == null ? null : lastOnSlab.label();
        FreelistOp linkPop = null;
        for (FreelistOp op : ops) {
            if (address != null && op.thread() == thread && op.slab().equals(slab) && op.read() != null
                    && op.role() == Role.POP && op.write().value() == address) {
                linkPop = op;
            }
        }
        return new FaultSite(address, thread, last, slab, linkPop);
    }

    /** The block whose link held the fault address (a pop read it as the head), or null when not seen. */
    public Long clobberedBlock() {
        return linkPop == null ? null : linkPop.read().value();
    }

    /**
     * The lost update that put the clobbered block where the fault found it: on the fault's slab, before the
     * fault, leaving that block handed out and linked (or handed out twice). The latest such, or empty.
     */
    public Optional<LostUpdate> cause(List<LostUpdate> all) {
        Long block = clobberedBlock();
        LostUpdate found = null;
        for (LostUpdate u : all) {
            boolean links = u.allocatedAndLinked().or(u::handedOutTwice).isPresent();
            if (block != null && u.slab().equals(slab) && links && u.staleHead() == block
                    && u.overwriting().write().seq() < linkPop.write().seq()) {
                found = u;
            }
        }
        return Optional.ofNullable(found);
    }
}
