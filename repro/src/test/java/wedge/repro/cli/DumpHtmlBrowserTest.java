package wedge.repro.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code wedge dump html} in a real browser: the report of a fresh fault dump (Larson on the buggy allocator under
 * the controlled strategy, seed 2, whose dump holds the lost update behind the fault) opened from a {@code file:}
 * URL in headless Chromium. The rendered page has one lane per thread of the event window, marks the lost update
 * in its lane at the step the race table names, logs no script error, and its swimlanes fit the page when printed.
 * The screenshot and the PDF land in {@code target/wedge-html/}. And the page of a crafted 10-thread dump whose lost
 * update spans two views opens on the race: its stale read, overwriting write and fault all in the first view.
 *
 * <p>Without a Chromium on the PATH the test is skipped, unless {@code -Dwedge.browser.required=true} (as
 * {@code .ci/run} sets), which makes a missing browser a failure.
 */
class DumpHtmlBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Events of other threads put between two events of the crafted dump. */
    private static final int FILLER = 200;
    private static Path chromium;

    @TempDir
    Path work;

    @BeforeAll
    static void findChromium() {
        Optional<Path> found = HeadlessChromium.find();
        String missing = "no chromium on the PATH: install it (apt-get install -y chromium), as .ci/run does";
        if (Boolean.getBoolean("wedge.browser.required")) {
            assertTrue(found.isPresent(), missing);
        }
        assumeTrue(found.isPresent(), missing);
        chromium = found.get();
    }

    @Test
    @Timeout(240)
    void theReportOfARealFaultShowsALanePerThreadAndTheLostUpdateWithoutScriptErrors() throws Exception {
        JsonNode result = WedgeRuns.run("--workload", "larson", "--preset", "buggy", "--agent", "controlled",
                "--seed", "2", "--threads", "4", "--seconds", "60", "--dump-dir", work.resolve("dumps").toString());
        assertEquals("fault", result.path("outcome").asText(), result.toString());
        JsonNode dump = WedgeRuns.dump(result);
        Set<Integer> threads = new TreeSet<>();
        dump.path("events").forEach(e -> threads.add(e.path("thread").asInt()));

        Path out = Files.createDirectories(Path.of("target", "wedge-html")).toAbsolutePath();
        Path page = out.resolve("report.html");
        Wedge wedge = new Wedge();
        assertEquals(0, wedge.run("dump", "html", result.path("dump").asText(), "-o", page.toString()),
                wedge.err.toString());

        try (HeadlessChromium browser = HeadlessChromium.start(chromium, work)) {
            browser.open(page.toUri());
            assertEquals(threads.size(), browser.evaluate("document.querySelectorAll('g.lane').length").asInt());
            assertEquals(threads.toString(), browser.evaluate("'[' + Array.from(document.querySelectorAll('g.lane'))"
                    + ".map(g => g.dataset.thread).join(', ') + ']'").asText());
            String tableStep = browser.evaluate("document.querySelector('#race tr.lost-update-row td').textContent")
                    .asText();
            String laneStep = browser.evaluate("'#' + document.querySelector('rect.ev.lost-update.cause')"
                    + ".dataset.seq").asText();
            assertEquals(tableStep, laneStep, "the swimlane marks the lost update the race table names");
            long seq = Long.parseLong(laneStep.substring(1));
            JsonNode write = event(dump, seq);
            assertEquals("freelist.write", write.path("point").asText(), write.toString());
            assertEquals(write.path("thread").asText(), browser.evaluate("document.querySelector("
                    + "'rect.ev.lost-update.cause').closest('g.lane').dataset.thread").asText());
            assertTrue(browser.evaluate("document.querySelector('rect.ev.lost-update.cause title').textContent")
                    .asText().contains(write.path("site").asText()), "hover text names the site");
            assertEquals(0, browser.evaluate("document.querySelectorAll('script[src], link[href], img[src]')"
                    + ".length").asInt(), "self-contained");
            assertTrue(browser.errors().isEmpty(), browser.errors().toString());
            browser.screenshot(out.resolve("report.png"));

            browser.printMedia(true);
            assertTrue(browser.evaluate("document.getElementById('lanes-svg').getBoundingClientRect().right "
                    + "<= document.documentElement.clientWidth").asBoolean(), "printed, the swimlanes fit the page");
            browser.pdf(out.resolve("report.pdf"));
            assertTrue(browser.errors().isEmpty(), browser.errors().toString());
        }
        assertTrue(Files.size(out.resolve("report.png")) > 10_000);
    }

    /**
     * The dump {@code ab-over-null.json} (3 threads, 14 events) spread over 10 threads: 200 events of 7 more threads
     * between every two of its events, so that at zoom 1 the lost update alone, from its stale read to its write,
     * spans about 2,400 pixels, twice the view, and the fault comes 10,000 pixels later. Its own threads' sequences
     * are left as they are, so the analysis finds the same race.
     */
    @Test
    @Timeout(120)
    void theFirstViewOfATenThreadReportFitsTheStaleReadTheOverwritingWriteAndTheFault() throws Exception {
        ObjectNode dump = (ObjectNode) JSON.readTree(getClass().getResource("/dumps/ab-over-null.json"));
        ArrayNode events = JSON.createArrayNode();
        JsonNode original = dump.path("events");
        for (int i = 0; i < original.size(); i++) {
            if (i > 0) {
                for (int k = 0; k < FILLER; k++) {
                    events.addObject().put("thread", 8 + k % 7).put("point", "tick").put("site", "Worker#step")
                            .put("label", "").put("value", k).put("valueHex", "0x" + Integer.toHexString(k));
                }
            }
            events.add(original.get(i).deepCopy());
        }
        for (int i = 0; i < events.size(); i++) {
            ((ObjectNode) events.get(i)).put("seq", 101 + i).put("nanos", 1101 + i);
        }
        dump.set("events", events);
        dump.put("eventsTotal", events.size());
        ArrayNode threads = dump.withArray("threads");
        for (int t = 8; t < 15; t++) {
            threads.addObject().put("name", "worker-" + t).put("id", 40 + t).put("ordinal", t).put("status", "held")
                    .putNull("lastPoint").putArray("stack");
        }
        Path json = work.resolve("ten-threads.json");
        JSON.writeValue(json.toFile(), dump);
        Path out = Files.createDirectories(Path.of("target", "wedge-html")).toAbsolutePath();
        Path page = out.resolve("report-10-threads.html");
        Wedge wedge = new Wedge();
        assertEquals(0, wedge.run("dump", "html", json.toString(), "-o", page.toString()), wedge.err.toString());

        try (HeadlessChromium browser = HeadlessChromium.start(chromium, work)) {
            browser.open(page.toUri());
            assertEquals(10, browser.evaluate("document.querySelectorAll('g.lane').length").asInt());
            String inView = "(function (sel) { var e = document.querySelector(sel); if (!e) { return 'missing'; } "
                    + "var r = e.getBoundingClientRect(); var v = document.querySelector('.scroll')"
                    + ".getBoundingClientRect(); return r.width > 0 && r.left >= v.left && r.right <= v.right "
                    + "&& r.top >= v.top && r.bottom <= v.bottom ? 'in view' : 'out of view: ' + r.left + '..' "
                    + "+ r.right + ' of ' + v.left + '..' + v.right; })";
            for (String mark : List.of("rect.ev.stale-read.cause", "rect.ev.lost-update.cause",
                    "rect.ev.fault-point")) {
                assertEquals("in view", browser.evaluate(inView + "('" + mark + "')").asText(), mark);
                String thread = browser.evaluate("document.querySelector('" + mark + "').closest('g.lane')"
                        + ".dataset.thread").asText();
                assertTrue(browser.evaluate("Array.from(document.querySelectorAll('.label')).map(l => "
                        + "l.textContent).join('|')").asText().contains("T" + thread + " larson-w" + thread),
                        "the lane of " + mark + " is labelled with its thread");
            }
            assertTrue(browser.evaluate("document.getElementById('lanes-svg').getBoundingClientRect().width "
                    + "< document.querySelector('.scroll').clientWidth * 2").asBoolean(), "zoomed out to fit");
            assertTrue(browser.errors().isEmpty(), browser.errors().toString());
            browser.screenshot(out.resolve("report-10-threads.png"));
        }
        assertTrue(Files.size(out.resolve("report-10-threads.png")) > 10_000);
    }

    private static JsonNode event(JsonNode dump, long seq) {
        for (JsonNode e : dump.path("events")) {
            if (e.path("seq").asLong() == seq) {
                return e;
            }
        }
        throw new AssertionError("no event #" + seq + " in the dump");
    }
}
