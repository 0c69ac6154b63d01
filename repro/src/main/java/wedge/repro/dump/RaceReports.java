package wedge.repro.dump;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The RACES section: every race report a dump carries (docs/DUMP-FORMAT.md, "race"), both sides, like a
 * sanitizer's report. Knows no target: it prints what the agent recorded (threads, points, sites, lines, values,
 * stacks), whatever the program.
 */
final class RaceReports {
    /** Frames shown per side; the dump has them all. */
    private static final int FRAMES = 4;

    private RaceReports() {
    }

    /** Whether {@code dump} carries any race report. */
    static boolean any(Dump dump) {
        return dump.root().path("races").size() > 0;
    }

    /** Adds the RACES section of {@code dump} to {@code r}. */
    static void section(Report r, Dump dump) {
        JsonNode races = dump.root().path("races");
        long total = dump.root().path("racesTotal").asLong(races.size());
        Report.Section s = r.section("RACES");
        s.line(total + " race report(s)" + (total > races.size() ? ", the first " + races.size() + " kept" : "")
                + "; each one a thread caught in the act while the other was paused at its own access");
        for (JsonNode race : races) {
            boolean trap = race.path("kind").asText().equals("trap");
            s.line("#" + race.path("id").asText() + " " + (trap ? "data race" : "stale read") + " on "
                    + race.path("field").asText() + " of " + race.path("subject").asText("(no subject)") + ", "
                    + race.path("sinceFirstEventMillis").asText() + " ms after the first event");
            side(s, dump.points(), race.path("paused"), "paused " + micros(race.path("pauseNanos").asLong())
                    + (race.path("forced").asBoolean() ? ", held until the other side's write landed" : ""));
            if (trap) {
                side(s, dump.points(), race.path("other"), "during that pause");
            } else {
                s.line("  re-read after the pause: " + value(dump.points(), race.path("paused").path("point").asText(),
                        race.path("reread"))
                        + " (another thread wrote it by a path with no point)");
            }
        }
    }

    private static void side(Report.Section s, PointTable points, JsonNode a, String when) {
        String line = a.path("line").isNumber() ? " line " + a.path("line").asInt() : "";
        s.line("  " + a.path("access").asText() + " of " + value(points, a.path("point").asText(), a) + " by T"
                + a.path("thread").asText() + " " + a.path("name").asText() + " (" + when + ") at "
                + a.path("point").asText() + " in " + a.path("site").asText() + line);
        JsonNode stack = a.path("stack");
        for (int i = 0; i < Math.min(FRAMES, stack.size()); i++) {
            s.verbatim("      " + stack.get(i).asText());
        }
    }

    /** The value of {@code a} (an access, or a re-read) at {@code point}: decoded when it can be, else in hex. */
    private static String value(PointTable points, String point, JsonNode a) {
        String decoded = points.decoded(point, a.path("value").asLong());
        return decoded != null ? decoded : a.path("valueHex").asText();
    }

    private static String micros(long nanos) {
        return nanos >= 1_000_000 ? String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6)
                : (nanos / 1000) + " us";
    }
}
