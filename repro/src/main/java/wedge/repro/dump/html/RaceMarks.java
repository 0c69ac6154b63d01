package wedge.repro.dump.html;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.repro.dump.Dump;
import wedge.repro.dump.Event;

/**
 * The swimlane marks of the dump's race reports (the {@code races} part, made by the {@code hunt} strategy; the
 * explanation lists them). A report carries no {@code seq}, so a side's event is the latest event of that thread at
 * that point with that value; a side with no such event in the window is left unmarked.
 */
final class RaceMarks {
    private RaceMarks() {
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
}
