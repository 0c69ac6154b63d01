package wedge.repro.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import wedge.repro.run.Installation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples under {@code examples/}, programs this code knows nothing of: each is compiled from its source, run
 * under the agent with its profile and a fixed seed until its race makes it throw its fault, and the dump is
 * explained from the dump alone. The explanation must name the race's field, both threads and both sites.
 */
class ExamplesTest {
    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource({
        "plainstack, PlainStack, lost update on stack.head, pusher-0, pusher-1, PlainStack#push",
        "oncegate, OnceGate, check-then-act on gate, opener-a, opener-b, OnceGate#open",
        "spacedgate, SpacedGate, check-then-act on gate, taker-a, taker-b, SpacedGate#tryTake"})
    @Timeout(180)
    void theRaceIsFoundAndExplainedFromTheDumpAlone(String example, String main, String race, String one,
                                                    String other, String site) throws Exception {
        Path dump = faultDump(example, main, "", Examples.dir(example).resolve(example + ".points").toString());
        String text = explain(dump, race, one, other, site);
        assertTrue(text.contains("RACE   " + race), text);

        Path page = work.resolve("report.html");
        Wedge html = new Wedge();
        assertEquals(0, html.run("dump", "html", dump.toString(), "-o", page.toString()), html.err.toString());
        String markup = Files.readString(page);
        assertTrue(markup.contains("<rect class=\"race-window\""), "the explained race is shaded in the lanes");
        assertTrue(markup.matches("(?s).*<rect class=\"ev write(?=[^\"]*\\blost-update\\b)(?=[^\"]*\\bcause\\b)"
                + "[^\"]*\".*"), "and its write marked");
    }

    /**
     * With no profile at all ({@code points=auto}, no fault type): hunt finds the racy field by itself, the uncaught
     * exception is the fault, the dump explains the race with the field named and both sites, and the discovered
     * profile declares that field.
     */
    @ParameterizedTest
    @CsvSource({
        "plainstack, PlainStack, head, pusher-0, pusher-1, PlainStack#push",
        "oncegate, OnceGate, started, opener-a, opener-b, OnceGate#open"})
    @Timeout(180)
    void theRaceIsFoundWithAutomaticPointsAndNoProfile(String example, String main, String field, String one,
                                                       String other, String site) throws Exception {
        Path dump = faultDump(example, main, "", "auto");
        String text = explain(dump, "on ", one, other, site);
        assertTrue(text.contains("." + field + ":"), text);
        String profile = Files.readString(work.resolve("dumps").resolve("wedge-discovered.points"));
        assertTrue(profile.contains("field-write  " + main + "#" + field + "   " + main + "#" + field + ".write"),
                profile);
    }

    /**
     * A documented race of a published library (joda-time 2.12.7's ConverterManager, see examples/jodaconverters),
     * found by weaving the library's own packages, with no field named: the lost update is explained from the dump,
     * on the lazily made manager ({@code INSTANCE}) or, when both threads got the same manager, on its converter set,
     * which {@code addInstantConverter} replaces without a lock. (Whether the discovered profile declares the field
     * depends on a near miss or a pause seeing both threads at it, which a slow first construction can outlast.)
     */
    @Test
    @Timeout(180)
    void aPublishedLibrarysRaceIsFoundWithAutomaticPointsAndNoProfile() throws Exception {
        String joda = Path.of(DateTime.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path dump = faultDump("jodaconverters", "ConverterRace", joda, "auto:org.joda.time.**");
        String text = explain(dump, "lost update on ", "stamps", "ticks", "ConverterManager#");
        String race = text.substring(text.indexOf("\nRACE "));
        assertTrue(race.contains("org.joda.time.convert.ConverterManager.INSTANCE:")
                || race.contains("].iInstantConverters:"), "the lost manager or the lost converter set: " + text);
        assertTrue(text.contains("No instant converter found for type"), text);
    }

    /**
     * Compiles {@code example} against {@code library} (a class path, or empty), runs it with the library under the
     * agent with {@code points} and seed 1 to its fault: the dump.
     */
    private Path faultDump(String example, String main, String library, String points) throws Exception {
        Path classes = Examples.compile(example, main, work.resolve("classes"), library);
        Path dumps = work.resolve("dumps");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + Installation.locate().agentJar() + "=seed=1,points=" + points
                        + (points.startsWith("auto") ? ",pairs=none" : "")
                        + ",dump-dir=" + dumps, "-cp", library.isEmpty() ? classes.toString() : library + File.pathSeparator + classes, main)
                .redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
        try {
            assertTrue(p.waitFor(150, TimeUnit.SECONDS), "no fault within 150 s");
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(work.resolve("out.txt"));
        assertEquals(139, p.exitValue(), out);
        return onlyDump(dumps);
    }

    /** {@code wedge dump explain}'s text, whose race section names {@code race}, both threads and {@code site}. */
    private static String explain(Path dump, String race, String one, String other, String site) {
        Wedge explain = new Wedge();
        assertEquals(0, explain.run("dump", "explain", dump.toString()), explain.err.toString());
        String text = explain.out.toString();
        String raceSection = text.substring(text.indexOf("\nRACE "));
        assertTrue(raceSection.contains(race), text);
        assertTrue(raceSection.contains(one) && raceSection.contains(other), text);
        assertTrue(raceSection.contains(site), text);
        return text;
    }

    private static Path onlyDump(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertEquals(1, json.size(), json.toString());
            return json.get(0);
        }
    }
}
