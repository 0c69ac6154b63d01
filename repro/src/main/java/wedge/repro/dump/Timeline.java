package wedge.repro.dump;

import java.util.List;
import java.util.Optional;

/**
 * {@code wedge dump timeline}: every lost update on any slab's {@code freelist} in the event window, each as a full
 * race table (nothing folded), in the order of the overwriting writes. The one behind the fault runs on to it. A
 * dump of another program than the allocator gets every race on its fields instead ({@link FieldRaceReport}).
 */
public final class Timeline {
    private Timeline() {
    }

    /** The timeline of {@code dump}. */
    public static Report of(Dump dump) {
        if (!dump.ofAllocator()) {
            return FieldRaceReport.timeline(dump);
        }
        List<FreelistOp> ops = FreelistOp.pair(dump.events());
        List<LostUpdate> updates = LostUpdate.findAll(ops);
        FaultSite site = FaultSite.of(dump, ops);
        Optional<LostUpdate> cause = dump.isHang() ? Optional.empty() : site.cause(updates);
        Report r = new Report();
        r.section("EVENTS").line(dump.window() + "; " + ops.size() + " writes of a slab's freelist; "
                + updates.size() + " lost update(s)");
        if (updates.isEmpty()) {
            r.section("RACE").line("No lost update on any slab's freelist within the event window: no write there "
                    + "was computed from a read that another thread's write made stale.");
        }
        for (int i = 0; i < updates.size(); i++) {
            LostUpdate u = updates.get(i);
            boolean behindFault = cause.isPresent() && cause.get() == u;
            FreelistOp x = u.overwriting();
            r.section("RACE").line("lost update " + (i + 1) + " of " + updates.size() + " on " + u.slab()
                    + ".freelist: " + dump.thread(x.thread()) + "'s " + x.role().word() + " write " + x.write().step()
                    + " overwrites " + u.lost().size() + " write(s) of other threads"
                    + (behindFault ? " (behind the fault)" : ""))
                    .table(RaceTable.of(dump, u, behindFault ? site : null, false));
        }
        return r;
    }
}
