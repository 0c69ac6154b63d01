package wedge.repro.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

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
 * The screenshot and the PDF land in {@code target/wedge-html/}.
 *
 * <p>Without a Chromium on the PATH the test is skipped, unless {@code -Dwedge.browser.required=true} (as
 * {@code .ci/run} sets), which makes a missing browser a failure.
 */
class DumpHtmlBrowserTest {
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

    private static JsonNode event(JsonNode dump, long seq) {
        for (JsonNode e : dump.path("events")) {
            if (e.path("seq").asLong() == seq) {
                return e;
            }
        }
        throw new AssertionError("no event #" + seq + " in the dump");
    }
}
