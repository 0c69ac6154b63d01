package wedge.repro.dump.html;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import wedge.repro.dump.Dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's markup, without a browser: lanes, marks and the race reports section. The race report is added to a
 * real fault dump by hand, in the documented shape, naming two of its real events, since only {@code hunt} makes
 * race reports and this checks the rendering, not the hunt.
 */
class HtmlReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECT = Pattern.compile("<rect class=\"ev ([^\"]*)\" data-seq=\"(\\d+)\"");

    @Test
    void oneLanePerThreadOfTheEventWindow() throws IOException {
        JsonNode root = dump("ab-over-null.json");
        Set<String> threads = new TreeSet<>();
        root.path("events").forEach(e -> threads.add(e.path("thread").asText()));
        String html = HtmlReport.of(new Dump(root));
        Matcher lanes = Pattern.compile("<g class=\"lane\" data-thread=\"(\\d+)\">").matcher(html);
        Set<String> drawn = new TreeSet<>();
        int count = 0;
        while (lanes.find()) {
            drawn.add(lanes.group(1));
            count++;
        }
        assertEquals(threads, drawn);
        assertEquals(threads.size(), count);
        assertEquals(root.path("events").size(), marked(html, "").size(), "every event of the window is drawn");
    }

    @Test
    void theLostUpdateIsMarkedOnItsWriteItsStaleReadAndTheWritesItOverwrote() throws IOException {
        String html = HtmlReport.of(new Dump(dump("ab-over-null.json")));
        List<Long> causes = marked(html, "cause");
        assertEquals(2, causes.size(), "the lost update behind the fault: its write and its stale read");
        List<Long> writes = marked(html, "lost-update");
        List<Long> reads = marked(html, "stale-read");
        assertTrue(writes.contains(causes.get(0)) && reads.contains(causes.get(1))
                || writes.contains(causes.get(1)) && reads.contains(causes.get(0)), causes.toString());
        assertFalse(marked(html, "overwritten").isEmpty());
        assertTrue(html.contains("class=\"lost-update-row\""), "the race table's lost update row");
    }

    @Test
    void raceReportsAreListedAndBothOfTheirEventsMarked() throws IOException {
        ObjectNode root = (ObjectNode) dump("ab-over-null.json");
        JsonNode events = root.path("events");
        JsonNode last = events.get(events.size() - 1);
        JsonNode other = null;
        for (JsonNode e : events) {
            if (e.path("thread").asInt() != last.path("thread").asInt()) {
                other = e;
            }
        }
        ObjectNode race = root.putArray("races").addObject().put("id", 1).put("kind", "trap")
                .put("subject", last.path("label").asText()).put("field", "wedge.allocator.TinySlabMeta#freelist")
                .put("nanos", 0).put("sinceFirstEventMillis", 0).put("pauseNanos", 0).put("forced", false);
        access(race.putObject("paused"), last, "read");
        access(race.putObject("other"), other, "write");
        race.putNull("reread");
        root.put("racesTotal", 1);

        String html = HtmlReport.of(new Dump(root));
        assertEquals(new TreeSet<>(List.of(other.path("seq").asLong(), last.path("seq").asLong())),
                new TreeSet<>(marked(html, "race")));
        assertTrue(html.contains("<h2>RACES</h2>"), html);
        assertTrue(html.contains("race report 1 (trap) on wedge.allocator.TinySlabMeta#freelist"), "hover text");
        assertFalse(HtmlReport.of(new Dump(dump("ab-over-null.json"))).contains("<h2>RACES</h2>"));
    }

    private static void access(ObjectNode a, JsonNode event, String access) {
        a.put("thread", event.path("thread").asInt()).put("name", "worker").put("point", event.path("point").asText())
                .put("access", access).put("site", event.path("site").asText()).putNull("line")
                .put("value", event.path("value").asLong()).put("valueHex", event.path("valueHex").asText())
                .putArray("stack").add(event.path("site").asText());
    }

    /** The seqs of the drawn events whose classes include {@code css} (every event for an empty one). */
    private static List<Long> marked(String html, String css) {
        List<Long> seqs = new ArrayList<>();
        Matcher m = RECT.matcher(html);
        while (m.find()) {
            if (css.isEmpty() || List.of(m.group(1).split(" ")).contains(css)) {
                seqs.add(Long.parseLong(m.group(2)));
            }
        }
        return seqs;
    }

    private static JsonNode dump(String name) throws IOException {
        try (InputStream in = HtmlReportTest.class.getResourceAsStream("/dumps/" + name)) {
            return JSON.readTree(in);
        }
    }
}
