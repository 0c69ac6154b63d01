package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.contract.Hex;

/**
 * {@code wedge dump explain}: the crash in one screen, in four sections. FAULT says what failed where; WHY
 * classifies the fault address with its evidence; SLAB shows the broken slabs and their chains; RACE rebuilds the
 * lost update behind the fault from the recorded events, or says plainly that the window does not hold one. RACES,
 * when the run made race reports ({@code hunt}), lists them; a race dump (no fault) has only RACES and RUN.
 */
public final class Explanation {
    private final Dump dump;
    private final FaultSite site;
    private final List<LostUpdate> updates;
    private final Optional<LostUpdate> cause;

    private Explanation(Dump dump) {
        this.dump = dump;
        List<FreelistOp> ops = FreelistOp.pair(dump.events());
        this.site = FaultSite.of(dump, ops);
        this.updates = LostUpdate.findAll(ops);
        this.cause = site.cause(updates);
    }

    /**
     * The explanation of {@code dump}: of the allocator's heap when the dump holds its snapshot, else of the races
     * on any target's fields.
     */
    public static Report of(Dump dump) {
        if (!dump.ofAllocator()) {
            return FieldRaceReport.of(dump);
        }
        return new Explanation(dump).report();
    }

    private Report report() {
        Report r = new Report();
        if (dump.isRace()) {
            RaceReports.section(r, dump);
            r.section("RUN").line(dump.run()).verbatim("replay:  " + dump.replay());
            return r;
        }
        if (dump.isHang()) {
            hang(r);
        } else {
            fault(r);
            Report.Section why = r.section("WHY");
            AddressEvidence.of(dump, site).forEach(why::line);
        }
        slabs(r.section("SLAB"));
        race(r.section("RACE"));
        if (RaceReports.any(dump)) {
            RaceReports.section(r, dump);
        }
        return r;
    }

    private void fault(Report r) {
        JsonNode f = dump.fault();
        JsonNode last = f.path("lastPoint");
        String type = f.path("type").asText();
        String code = last.path("site").asText("?");
        String slab = site.slab() == null ? "" : "  [" + site.slab() + classOf(site.slab()) + "]";
        Long address = dump.faultAddress();
        r.section("FAULT")
                .line(type.substring(type.lastIndexOf('.') + 1) + " in " + dump.thread(site.thread()) + " at "
                        + last.path("name").asText("?") + " in " + code.substring(code.lastIndexOf('.') + 1) + slab)
                .line("fault_addr = " + f.path("address").asText("(none)")
                        + (address == null ? "" : "  (" + AddressClass.of(address, dump.heap()).id() + ")"))
                .line(dump.run())
                .verbatim("replay:  " + dump.replay());
    }

    private String classOf(String label) {
        JsonNode slab = dump.slab(label);
        return slab == null ? "" : ", " + slab.path("blockSize").asInt() + " B blocks";
    }

    private void hang(Report r) {
        JsonNode h = dump.root().path("hang");
        List<String> threads = new ArrayList<>();
        h.path("threads").forEach(t -> threads.add(dump.thread(t.asInt())));
        r.section("HANG")
                .line("no point passed for " + h.path("stalledMillis").asLong() + " ms, with "
                        + (threads.isEmpty() ? "no thread" : String.join(", ", threads))
                        + " inside instrumented code")
                .line(dump.run())
                .verbatim("replay:  " + dump.replay());
        Report.Section why = r.section("WHY");
        List<JsonNode> loops = dump.brokenSlabs().stream()
                .filter(s -> s.path("freelist").path("broken").path("reason").asText().startsWith("repeats")).toList();
        if (loops.isEmpty()) {
            why.line("No freelist of the snapshot loops, so the hang is not a cyclic freelist seen at the snapshot.");
        }
        for (JsonNode s : loops) {
            JsonNode b = s.path("freelist").path("broken");
            why.line(s.path("label").asText() + "'s freelist loops: at #" + b.path("position").asInt() + " it comes "
                    + "back to " + b.path("address").asText() + ", so a pop or walk of it never ends.");
        }
    }

    /** The fault's slab first, then every other slab the snapshot found broken. */
    private void slabs(Report.Section s) {
        if (!dump.snapshot().isObject()) {
            s.line("no snapshot: " + dump.root().path("snapshotError").asText("the dump has none"));
            return;
        }
        List<JsonNode> shown = SlabState.shown(dump, site);
        if (shown.isEmpty()) {
            s.line("no slab of the snapshot is broken, and the fault touched none");
        }
        for (JsonNode slab : shown) {
            s.line(SlabState.summary(dump, slab));
            s.line("  " + SlabState.chain("freelist", slab.path("freelist")));
            if (slab.path("remote").path("length").asInt() > 0 || slab.path("remote").has("broken")) {
                s.line("  " + SlabState.chain("remote", slab.path("remote")));
            }
            cause.filter(u -> u.slab().equals(slab.path("label").asText())).ifPresent(u -> s.line("  "
                    + allocatedAndLinked(u)));
        }
    }

    private String allocatedAndLinked(LostUpdate u) {
        FreelistOp pop = u.allocatedAndLinked().or(u::handedOutTwice).orElseThrow();
        FreelistOp x = u.overwriting();
        String again = site.linkPop() == null ? ""
                : ", and popped again by " + dump.thread(site.linkPop().thread()) + " at " + site.linkPop().read().step();
        return Hex.of(pop.block()) + " is both allocated and linked: handed out by " + dump.thread(pop.thread())
                + "'s pop " + pop.write().step() + ", linked again by " + dump.thread(x.thread()) + "'s "
                + x.role().word() + " " + x.write().step() + again + ".";
    }

    private void race(Report.Section s) {
        Optional<LostUpdate> shown = cause;
        if (cause.isPresent()) {
            LostUpdate u = cause.get();
            s.line("lost update on " + u.slab() + ".freelist, by which " + Hex.of(u.staleHead())
                    + " came to be both handed out and linked:");
            s.table(RaceTable.of(dump, u, site, true));
        } else {
            shown = noCause(s);
        }
        List<String> quiet = new ArrayList<>();
        for (JsonNode b : dump.brokenSlabs()) {
            String label = b.path("label").asText();
            if (!label.equals(site.slab()) && updates.stream().noneMatch(u -> u.slab().equals(label))) {
                quiet.add(label);
            }
        }
        if (!quiet.isEmpty()) {
            s.line("No lost update on the freelist of broken " + String.join(", ", quiet) + " in the window: the "
                    + "write that broke it, if a lost update, came before the window.");
        }
        Optional<LostUpdate> table = shown;
        List<LostUpdate> others = updates.stream().filter(u -> table.map(c -> c != u).orElse(true)).toList();
        if (!others.isEmpty()) {
            s.line(others.size() + (shown.isPresent() ? " other" : "") + " lost update(s) in the window, on "
                    + String.join(", ", others.stream().map(LostUpdate::slab).distinct().toList())
                    + ": see wedge dump timeline.");
        }
    }

    /**
     * No lost update in the window explains the faulting block: say so, naming the window, and show the latest lost
     * update on the fault's slab (else on the slab the fault address points into, else on a broken slab), labelled
     * as not tied to the fault.
     *
     * @return the lost update shown, if any
     */
    private Optional<LostUpdate> noCause(Report.Section s) {
        String where = site.slab() == null ? "the fault's slab" : site.slab() + ".freelist";
        String what = site.clobberedBlock() == null ? " on " + where
                : " leaves " + Hex.of(site.clobberedBlock()) + " both handed out and linked on " + where;
        if (!dump.isHang()) {
            s.line("No lost update within the event window (" + dump.window() + ")" + what + ".");
        }
        Optional<LostUpdate> near = latestOn(label -> label.equals(site.slab()))
                .or(() -> latestOn(label -> label.equals(linkSlab())))
                .or(() -> latestOn(label -> dump.slab(label) != null && dump.slab(label).path("broken").asBoolean()));
        if (near.isEmpty() && dump.isHang()) {
            s.line("No lost update on a broken slab's freelist within the event window (" + dump.window() + ").");
        }
        near.ifPresent(u -> {
            String into = u.slab().equals(linkSlab()) && !u.slab().equals(site.slab())
                    ? " (the slab " + Hex.of(dump.faultAddress()) + " points into)" : "";
            s.line("The latest lost update on " + u.slab() + ".freelist" + into + " in the window"
                    + (dump.isHang() ? ":" : ", not tied to the fault by the events:"));
            s.table(RaceTable.of(dump, u, null, true));
        });
        return near;
    }

    private Optional<LostUpdate> latestOn(Predicate<String> slab) {
        return updates.stream().filter(u -> slab.test(u.slab())).reduce((a, b) -> b);
    }

    /**
     * The slab the fault address lies in, when it does: a clobbered link still points into the slab it was read
     * from (its upper bytes are intact), which the faulting free or pop may have reached from another slab.
     */
    private String linkSlab() {
        Long address = dump.faultAddress();
        JsonNode slab = address == null ? null : dump.slabAt(address);
        return slab == null ? null : slab.path("label").asText();
    }
}
