package wedge.agent.capture;

import java.util.List;
import java.util.Map;
import wedge.agent.runtime.Event;
import wedge.contract.Hex;

/**
 * The one-screen text beside each JSON dump, rendered from the dump itself so the two never disagree: what
 * happened, where, with which seed, the last events, how to replay.
 */
final class TextSummary {
    private static final int LAST_EVENTS = 12;

    private TextSummary() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> d, String jsonName) {
        StringBuilder b = new StringBuilder();
        b.append("wedge ").append(d.get("kind")).append(" dump (").append(d.get("format")).append(")  ")
                .append(d.get("createdAt")).append("  pid ").append(d.get("pid")).append('\n');
        Map<String, Object> fault = (Map<String, Object>) d.get("fault");
        if (fault != null) {
            Map<String, Object> t = (Map<String, Object>) fault.get("thread");
            Object address = fault.get("address");
            b.append(String.format("fault      %s%s in thread %s (T%s)%n", fault.get("type"),
                    address == null ? "" : " at " + address, t.get("name"), t.get("ordinal")));
            Map<String, Object> lp = (Map<String, Object>) fault.get("lastPoint");
            if (lp != null) {
                b.append(String.format("           last point %s in %s (event #%s)%n", lp.get("name"), lp.get("site"),
                        lp.get("seq")));
            }
            List<String> stack = (List<String>) fault.get("stack");
            for (int i = 0; i < Math.min(3, stack.size()); i++) {
                b.append("           at ").append(stack.get(i)).append('\n');
            }
            int secondary = ((List<?>) d.get("secondaryFaults")).size();
            if (secondary > 0) {
                b.append("           + ").append(secondary).append(" secondary fault(s) in other threads\n");
            }
        }
        Map<String, Object> hang = (Map<String, Object>) d.get("hang");
        if (hang != null) {
            b.append(String.format("hang       no point passed for %s ms; threads inside instrumented code: %s%n",
                    hang.get("stalledMillis"), hang.get("threads")));
        }
        List<Map<String, Object>> races = (List<Map<String, Object>>) d.get("races");
        if (!races.isEmpty()) {
            b.append(String.format("races      %s report(s)%n", d.get("racesTotal")));
            for (Map<String, Object> r : races.subList(0, Math.min(3, races.size()))) {
                b.append(String.format("  #%s %s on %s %s: %s / %s%n", r.get("id"), r.get("kind"), r.get("subject"),
                        r.get("field"), side(r.get("paused")), r.get("other") == null ? "re-read "
                                + ((Map<String, Object>) r.get("reread")).get("valueHex") : side(r.get("other"))));
            }
        }
        Map<String, Object> jvm = (Map<String, Object>) d.get("jvm");
        Map<String, Object> os = (Map<String, Object>) d.get("os");
        b.append(String.format("seed       %s   strategy %s   preset %s%n", d.get("seed"), d.get("strategy"),
                d.get("preset") == null ? "(not stated)" : d.get("preset")));
        b.append(String.format("jvm        %s %s on %s %s%n", jvm.get("vmName"), jvm.get("version"), os.get("name"),
                os.get("arch")));
        Map<String, Object> schedule = (Map<String, Object>) d.get("schedule");
        if (schedule != null) {
            b.append(String.format("schedule   %s: %s decisions, %s switches, trace hash %s, %s%n", schedule.get("search"),
                    schedule.get("decisions"), schedule.get("switches"), schedule.get("traceHash"),
                    Boolean.TRUE.equals(schedule.get("deterministic")) ? "deterministic"
                            : "determinism lost " + schedule.get("lostCount") + " time(s), first: "
                            + ((List<Map<String, Object>>) schedule.get("lost")).get(0).get("reason")));
        }
        b.append("snapshot   ").append(d.get("snapshotError") == null ? "taken" : d.get("snapshotError")).append('\n');
        RingEvents events = (RingEvents) d.get("events");
        b.append(String.format("events     last %d of %s%n", events.size(), d.get("eventsTotal")));
        for (Event e : events.last(LAST_EVENTS)) {
            b.append(String.format("  #%-9s T%-3s %-15s %-14s %-18s in %s%n", e.seq(), e.thread(), events.point(e),
                    events.label(e), Hex.of(e.value()), events.site(e)));
        }
        Map<String, Object> replay = (Map<String, Object>) d.get("replay");
        b.append("replay     ").append(replay.get("command")).append('\n');
        b.append("json       ").append(jsonName).append('\n');
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static String side(Object access) {
        Map<String, Object> a = (Map<String, Object>) access;
        return "T" + a.get("thread") + " " + a.get("access") + " " + a.get("valueHex") + " at " + a.get("site")
                + (a.get("line") == null ? "" : ":" + a.get("line"));
    }
}
