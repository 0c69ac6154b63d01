package wedge.repro.dump.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.repro.dump.Dump;
import wedge.repro.dump.Explanation;
import wedge.repro.dump.FaultSite;
import wedge.repro.dump.FieldRace;
import wedge.repro.dump.FreelistOp;
import wedge.repro.dump.LostUpdate;
import wedge.repro.dump.Report;

/**
 * {@code wedge dump html}: a dump as one self-contained HTML page (styles and script inline, nothing fetched, so it
 * opens from a {@code file:} URL and can be attached to a bug report). It shows what {@code explain} shows (the
 * fault, its address class with the evidence, the broken slabs, the race table, the race reports, the replay
 * command), then the event window as a swimlane per thread with the lost updates and race reports marked.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** The page of {@code dump}. */
    public static String of(Dump dump) {
        EventMarks marks = new EventMarks();
        if (!dump.ofAllocator()) {
            markFieldRaces(dump, marks);
        } else {
            markLostUpdates(dump, marks);
        }
        RaceMarks.mark(dump, marks);
        Report explanation = Explanation.of(dump);
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title(dump))).append("</title>\n<style>\n").append(resource("report.css"))
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(title(dump))).append("</h1>\n");
        ReportHtml.append(b, explanation);
        Swimlanes.append(b, dump, marks);
        b.append("<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static String title(Dump dump) {
        if (dump.isHang()) {
            return "wedge: hang";
        }
        String type = dump.fault().path("type").asText("fault");
        JsonNode address = dump.fault().path("address");
        return "wedge: " + type.substring(type.lastIndexOf('.') + 1) + (address.isTextual() ? " at "
                + address.asText() : " in " + dump.thread(dump.fault().path("thread").path("ordinal").asInt(-1)));
    }

    /**
     * Every lost update on a freelist in the window: the overwriting write, the stale read it was computed from, and
     * the other threads' writes it overwrote; the one behind the fault is marked {@code cause} as well.
     */
    private static void markLostUpdates(Dump dump, EventMarks marks) {
        List<FreelistOp> ops = FreelistOp.pair(dump.events());
        List<LostUpdate> updates = LostUpdate.findAll(ops);
        FaultSite site = FaultSite.of(dump, ops);
        Optional<LostUpdate> cause = dump.isHang() ? Optional.empty() : site.cause(updates);
        for (LostUpdate u : updates) {
            boolean behind = cause.isPresent() && cause.get() == u;
            String what = "lost update on " + u.slab() + ".freelist" + (behind ? " (behind the fault)" : "");
            marks.mark(u.overwriting().write().seq(), "lost-update", what + ": this write overwrites "
                    + u.lost().size() + " write(s) of other threads");
            marks.mark(u.overwriting().read().seq(), "stale-read", what + ": the read the write was computed from");
            for (FreelistOp lost : u.lost()) {
                marks.mark(lost.write().seq(), "overwritten", what + ": overwritten by "
                        + u.overwriting().write().step());
            }
            if (behind) {
                marks.mark(u.overwriting().write().seq(), "cause", what);
                marks.mark(u.overwriting().read().seq(), "cause", what);
            }
        }
        if (site.last() != null && !dump.isHang()) {
            marks.mark(site.last().seq(), "fault-point", "the faulting thread's last point before the fault");
        }
    }

    /**
     * A dump of another target than the allocator: every race on a field in the window, marked as lost updates
     * are; the one {@code explain} shows (the latest check-then-act, else the latest race) is marked {@code cause}.
     */
    private static void markFieldRaces(Dump dump, EventMarks marks) {
        List<FieldRace> races = FieldRace.findAll(dump.events(), dump.points());
        FieldRace shown = races.stream().filter(r -> r.kind().equals(FieldRace.CHECK_THEN_ACT)).reduce((a, b) -> b)
                .orElse(races.isEmpty() ? null : races.get(races.size() - 1));
        for (FieldRace r : races) {
            String what = r.kind() + " on " + r.subject() + " " + r.field() + (r == shown ? " (explained)" : "");
            FieldRace.Update x = r.later();
            marks.mark(x.write().seq(), "lost-update", what + ": this write overwrites " + r.earlier().write()
                    .step());
            marks.mark(x.read().seq(), "stale-read", what + ": the read the write was computed from");
            marks.mark(r.earlier().write().seq(), "overwritten", what + ": overwritten by " + x.write().step());
            if (r == shown) {
                marks.mark(x.write().seq(), "cause", what);
                marks.mark(x.read().seq(), "cause", what);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the wedge jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
