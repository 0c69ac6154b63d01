package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.contract.Hex;

/**
 * {@code wedge dump explain} of a target the reader knows nothing about: the fault, then the field races of the
 * event window ({@link FieldRace}) as the seed's table, naming the field, both threads and both sites, and the race
 * reports the {@code hunt} strategy caught, both sides each.
 */
final class FieldRaceReport {
    private final Dump dump;

    private FieldRaceReport(Dump dump) {
        this.dump = dump;
    }

    /** The explanation of {@code dump}, a dump without the allocator's snapshot. */
    static Report of(Dump dump) {
        return new FieldRaceReport(dump).report();
    }

    private Report report() {
        Report r = new Report();
        JsonNode f = dump.fault();
        if (dump.isHang()) {
            r.section("HANG").line("no point passed for " + dump.root().path("hang").path("stalledMillis").asLong()
                    + " ms").line(dump.run()).verbatim("replay:  " + dump.replay());
        } else if (!f.isMissingNode() && !f.isNull()) {
            JsonNode last = f.path("lastPoint");
            String type = f.path("type").asText();
            String where = last.isObject()
                    ? last.path("name").asText() + " in " + shortSite(last.path("site").asText())
                    : f.path("stack").path(0).asText("?");
            r.section("FAULT")
                    .line(type.substring(type.lastIndexOf('.') + 1) + " in "
                            + dump.thread(f.path("thread").path("ordinal").asInt(-1)) + " at " + where)
                    .line("message: " + f.path("message").asText("(none)"))
                    .line(dump.run())
                    .verbatim("replay:  " + dump.replay());
        }
        races(r.section("RACE"));
        if (RaceReports.any(dump)) {
            RaceReports.section(r, dump);
        }
        return r;
    }

    /**
     * {@code wedge dump timeline} of {@code dump}, a dump without the allocator's snapshot: every race on a field in
     * the event window, each with its table, oldest first.
     */
    static Report timeline(Dump dump) {
        FieldRaceReport reader = new FieldRaceReport(dump);
        List<FieldRace> all = FieldRace.findAll(dump.events(), dump.points());
        Report r = new Report();
        r.section("EVENTS").line(dump.window() + "; " + all.size() + " race(s) on fields");
        if (all.isEmpty()) {
            reader.none(r.section("RACE"));
        }
        for (int i = 0; i < all.size(); i++) {
            Report.Section s = r.section("RACE");
            s.line("race " + (i + 1) + " of " + all.size() + ":");
            reader.describe(s, all.get(i));
        }
        return r;
    }

    private void races(Report.Section s) {
        List<FieldRace> all = FieldRace.findAll(dump.events(), dump.points());
        FieldRace shown = all.stream().filter(x -> x.kind().equals(FieldRace.CHECK_THEN_ACT)).reduce((a, b) -> b)
                .orElse(all.isEmpty() ? null : all.get(all.size() - 1));
        if (shown == null) {
            none(s);
            return;
        }
        describe(s, shown);
        if (all.size() > 1) {
            s.line((all.size() - 1) + " other race(s) on fields in the window: see wedge dump timeline.");
        }
    }

    private void none(Report.Section s) {
        s.line("No race on a field within the event window (" + dump.window() + "): no thread wrote a field "
                + "another thread wrote after its read.");
    }

    /** What {@code race} was, in a sentence, and its table. */
    private void describe(Report.Section s, FieldRace race) {
        String field = race.field().substring(race.field().indexOf('#') + 1);
        FieldRace.Update x = race.later();
        FieldRace.Update y = race.earlier();
        String on = race.subject() + "." + field;
        if (race.kind().equals(FieldRace.CHECK_THEN_ACT)) {
            s.line("check-then-act on " + on + ": " + dump.thread(y.thread()) + " and " + dump.thread(x.thread())
                    + " both read " + field + " = " + value(x.read()) + " at "
                    + sites(y.read().site(), x.read().site()) + ", and both wrote it at "
                    + sites(y.write().site(), x.write().site()) + ": neither saw the other's write.");
        } else {
            s.line("lost update on " + on + ": " + dump.thread(x.thread()) + "'s write " + x.write().step() + " at "
                    + shortSite(x.write().site()) + ", computed from its read " + x.read().step() + ", overwrites "
                    + dump.thread(y.thread()) + "'s write " + y.write().step() + " at " + shortSite(y.write().site())
                    + ".");
        }
        s.table(table(race, field));
    }

    private Table table(FieldRace race, String field) {
        FieldRace.Update x = race.later();
        FieldRace.Update y = race.earlier();
        Map<Long, List<String>> rows = new TreeMap<>();
        if (y.read() != null) {
            rows.put(y.read().seq(), row(y.read(), field, "read", false, ""));
        }
        rows.put(x.read().seq(), row(x.read(), field, "read", true, ""));
        rows.put(y.write().seq(), row(y.write(), field, "write", false, ""));
        String result = race.kind().equals(FieldRace.CHECK_THEN_ACT)
                ? "CHECK-THEN-ACT: T" + x.thread() + " acts on the value T" + y.thread() + " also read; T"
                        + y.thread() + "'s write " + y.write().step() + " is lost"
                : "LOST UPDATE: overwrites T" + y.thread() + "'s write " + y.write().step();
        rows.put(x.write().seq(), row(x.write(), field, "write", true, result));
        List<String> headers = List.of("step", dump.thread(y.thread()), dump.thread(x.thread()), "result");
        return new Table(headers, new ArrayList<>(rows.values()));
    }

    private List<String> row(Event e, String field, String access, boolean later, String result) {
        String cell = access + " " + field + " = " + value(e) + " in " + shortSite(e.site())
                + (e.role() == null ? "" : " (" + e.role() + ")");
        return List.of(e.step(), later ? "" : cell, later ? cell : "", result);
    }

    /** An event's value: decoded for a {@code float} or {@code double} field, else a small number in decimal. */
    private String value(Event e) {
        String decoded = dump.points().decoded(e.point(), e.value());
        return decoded != null ? decoded : e.value() >= -9999 && e.value() <= 9999 ? Long.toString(e.value())
                : Hex.of(e.value());
    }

    /** Both sites, or the one when they are the same. */
    private static String sites(String a, String b) {
        return a.equals(b) ? shortSite(a) : shortSite(a) + " and " + shortSite(b);
    }

    /** {@code a.b.Gate#enter} becomes {@code Gate#enter}. */
    private static String shortSite(String site) {
        int hash = site.indexOf('#');
        String type = hash < 0 ? site : site.substring(0, hash);
        return site.substring(type.lastIndexOf('.') + 1);
    }

    /** Small values in decimal (flags, counts), others in hex (addresses, identity hashes). */
}
