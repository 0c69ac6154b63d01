package wedge.repro.dump.html;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.repro.dump.Dump;
import wedge.repro.dump.Event;

/**
 * The dump's race reports (the {@code races} part, made by the {@code hunt} strategy): both sides of each, and the
 * marks that tie them to the swimlanes. A report carries no {@code seq}, so a side's event is the latest event of
 * that thread at that point with that value; a side with no such event in the window is left unmarked.
 */
final class RaceReports {
    private RaceReports() {
    }

    /** Marks the events of every race report of {@code dump}. */
    static void mark(Dump dump, EventMarks marks) {
        for (JsonNode race : dump.root().path("races")) {
            String note = "race report " + race.path("id").asText() + " (" + race.path("kind").asText() + ") on "
                    + race.path("field").asText();
            side(dump, race.path("paused"), note, marks);
            side(dump, race.path("other"), note, marks);
        }
    }

    private static void side(Dump dump, JsonNode access, String note, EventMarks marks) {
        if (!access.isObject()) {
            return;
        }
        List<Event> events = dump.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            Event e = events.get(i);
            if (e.thread() == access.path("thread").asInt() && e.point().equals(access.path("point").asText())
                    && e.value() == access.path("value").asLong()) {
                marks.mark(e.seq(), "race", note);
                return;
            }
        }
    }

    /** The RACES section: one entry per report, both accesses in full; nothing when there are none. */
    static void append(StringBuilder b, Dump dump) {
        JsonNode races = dump.root().path("races");
        if (races.isEmpty()) {
            return;
        }
        b.append("<section id=\"races\">\n<h2>RACES</h2>\n<p>").append(races.size()).append(" race report(s) of ")
                .append(dump.root().path("racesTotal").asLong(races.size())).append(" in the run; each is a pair "
                        + "of accesses caught in the act.</p>\n");
        for (JsonNode race : races) {
            b.append("<div class=\"race-report\"><h3>race ").append(Html.escape(race.path("id").asText())).append(": ")
                    .append(Html.escape(race.path("kind").asText())).append(" on ")
                    .append(Html.escape(race.path("subject").asText("?"))).append(' ')
                    .append(Html.escape(race.path("field").asText())).append("</h3>\n");
            access(b, "paused", race.path("paused"));
            access(b, "other", race.path("other"));
            if (race.path("reread").isObject()) {
                b.append("<p>re-read after the pause: ").append(Html.escape(race.path("reread").path("valueHex")
                        .asText())).append("</p>\n");
            }
            b.append("</div>\n");
        }
        b.append("</section>\n");
    }

    private static void access(StringBuilder b, String role, JsonNode a) {
        if (!a.isObject()) {
            return;
        }
        b.append("<p><b>").append(role).append("</b> T").append(a.path("thread").asInt()).append(' ')
                .append(Html.escape(a.path("name").asText())).append(": ").append(Html.escape(a.path("access")
                        .asText())).append(' ').append(Html.escape(a.path("point").asText())).append(" = ")
                .append(Html.escape(a.path("valueHex").asText())).append(" at ")
                .append(Html.escape(a.path("site").asText()))
                .append(a.path("line").isInt() ? ":" + a.path("line").asInt() : "").append("</p>\n<pre>");
        a.path("stack").forEach(f -> b.append(Html.escape(f.asText())).append('\n'));
        b.append("</pre>\n");
    }
}
