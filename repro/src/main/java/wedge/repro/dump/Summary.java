package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code wedge dump show}: the one-screen summary of a dump: the fault, the run that made it, the JVM, the broken
 * slabs with their chains, the counters, the event window, the race reports and the command that replays it. A dump
 * of another program than the allocator has no slabs, switches or counters to show: its events are counted in races
 * on its fields.
 */
public final class Summary {
    /** Stack frames shown from the top of the faulting thread's stack. */
    private static final int FRAMES = 5;

    private Summary() {
    }

    /** The summary of {@code dump}. */
    public static Report of(Dump dump) {
        Report r = new Report();
        List<FreelistOp> ops = FreelistOp.pair(dump.events());
        FaultSite site = FaultSite.of(dump, ops);
        if (dump.isRace()) {
            r.section("RACE").line(dump.root().path("racesTotal").asText() + " race report(s), no fault: "
                    + "wedge dump explain shows them");
        } else if (dump.isHang()) {
            JsonNode h = dump.root().path("hang");
            r.section("HANG").line("no point passed for " + h.path("stalledMillis").asLong() + " ms; threads inside "
                    + "instrumented code: " + h.path("threads"));
        } else {
            fault(r.section("FAULT"), dump, site);
        }
        Report.Section run = r.section("RUN").line(dump.run());
        if (dump.ofAllocator()) {
            List<String> switches = new ArrayList<>();
            dump.snapshot().path("heaps").path(0).path("switches").forEach(w -> switches.add(w.asText()));
            run.line("switches: " + (switches.isEmpty() ? "(none)" : String.join(" ", switches)));
        }
        JsonNode jvm = dump.root().path("jvm");
        JsonNode os = dump.root().path("os");
        r.section("JVM").line(jvm.path("vmName").asText() + " " + jvm.path("version").asText() + " ("
                + jvm.path("vendor").asText() + ") on " + os.path("name").asText() + " " + os.path("version").asText()
                + " " + os.path("arch").asText() + ", " + jvm.path("availableProcessors").asInt() + " CPUs");
        if (dump.ofAllocator()) {
            slabs(r.section("SLABS"), dump, site);
            List<String> counters = new ArrayList<>();
            dump.snapshot().path("heaps").path(0).path("counters").fields()
                    .forEachRemaining(e -> counters.add(e.getKey() + " " + e.getValue().asText()));
            r.section("COUNTERS").line(counters.isEmpty() ? "(none)" : String.join("  ", counters));
            List<LostUpdate> updates = LostUpdate.findAll(ops);
            r.section("EVENTS").line(dump.window() + "; " + updates.size() + " lost update(s) on a freelist"
                    + (updates.isEmpty() ? "" : " (" + String.join(", ", updates.stream().map(LostUpdate::slab)
                            .distinct().toList()) + "): wedge dump timeline"));
        } else {
            List<FieldRace> races = FieldRace.findAll(dump.events(), dump.points());
            r.section("EVENTS").line(dump.window() + "; " + races.size() + " race(s) on fields"
                    + (races.isEmpty() ? "" : " (" + String.join(", ", races.stream().map(FieldRace::field)
                            .distinct().toList()) + "): wedge dump timeline"));
        }
        if (!dump.isRace() && RaceReports.any(dump)) {
            r.section("RACES").line(dump.root().path("racesTotal").asText() + " race report(s): wedge dump explain "
                    + "shows them");
        }
        r.section("REPLAY").verbatim(dump.replay());
        return r;
    }

    private static void fault(Report.Section s, Dump dump, FaultSite site) {
        JsonNode f = dump.fault();
        Long address = dump.faultAddress();
        s.line(f.path("type").asText() + (f.path("address").isTextual() ? " at " + f.path("address").asText()
                + (address == null ? "" : " (" + AddressClass.of(address, dump.heap()).id() + ")") : "")
                + " in thread " + dump.thread(site.thread()));
        s.line(f.path("message").asText());
        JsonNode last = f.path("lastPoint");
        if (last.isObject()) {
            s.line("last point " + last.path("name").asText() + " in " + last.path("site").asText("?") + " (#"
                    + last.path("seq").asText("?") + ")" + (site.slab() == null ? "" : " on " + site.slab()));
        }
        JsonNode stack = f.path("stack");
        for (int i = 0; i < Math.min(FRAMES, stack.size()); i++) {
            s.line("  at " + stack.get(i).asText());
        }
        int secondary = dump.root().path("secondaryFaults").size();
        if (secondary > 0) {
            s.line("+ " + secondary + " secondary fault(s) in other threads");
        }
    }

    private static void slabs(Report.Section s, Dump dump, FaultSite site) {
        if (!dump.snapshot().isObject()) {
            s.line("no snapshot: " + dump.root().path("snapshotError").asText("the dump has none"));
            return;
        }
        s.line(dump.brokenSlabs().size() + " broken of " + dump.slabs().size() + " slabs");
        for (JsonNode slab : SlabState.shown(dump, site)) {
            s.line(SlabState.summary(dump, slab));
            s.line("  " + SlabState.chain("freelist", slab.path("freelist")));
        }
    }
}
