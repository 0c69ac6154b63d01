package wedge.repro.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import wedge.repro.dump.Dump;
import wedge.repro.dump.FieldRace;
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
     * profile declares that field. PlainStack pushes 3000 times per thread, not 400: a thread alone with the
     * stack runs at full speed, and 400 pushes can be over before the other thread starts; the ring keeps every
     * event, as the lost push is only found when the stack is counted at the end.
     */
    @ParameterizedTest
    @CsvSource({
        "plainstack, PlainStack, head, pusher-0, pusher-1, PlainStack#push, 3000",
        "oncegate, OnceGate, started, opener-a, opener-b, OnceGate#open, 2000"})
    @Timeout(180)
    void theRaceIsFoundWithAutomaticPointsAndNoProfile(String example, String main, String field, String one,
                                                       String other, String site, String count) throws Exception {
        Path dump = firstFault(example, main, "", "auto", count);
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
     * which {@code addInstantConverter} replaces without a lock, is among the dump's races. (Whether the discovered profile declares the field
     * depends on a near miss or a pause seeing both threads at it, which a slow first construction can outlast.)
     */
    @Test
    @Timeout(180)
    void aPublishedLibrarysRaceIsFoundWithAutomaticPointsAndNoProfile() throws Exception {
        String joda = Path.of(DateTime.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        // the race can happen once per JVM, at the first getInstance()
        Path dump = firstFault("jodaconverters", "ConverterRace", joda, "auto:org.joda.time.**");
        String text = explain(dump, "lost update on ", "stamps", "ticks", "Converter");
        assertTrue(text.contains("No instant converter found for type"), text);
        // explain leads with the race nearest the fault, which may be ConverterSet's benign lookup cache; the
        // registration's loss is among the dump's races either way
        Dump d = Dump.load(dump);
        List<String> fields = FieldRace.findAll(d.events(), d.points()).stream()
                .filter(r -> r.kind().equals(FieldRace.LOST_UPDATE)).map(FieldRace::field).toList();
        assertTrue(fields.stream().anyMatch(f -> f.endsWith("#INSTANCE") || f.endsWith("#iInstantConverters")),
                "the lost manager or the lost converter set among " + fields + ":\n" + text);
    }

    /**
     * Compiles {@code example} against {@code library} (a class path, or empty), runs it with the library under the
     * agent with {@code points} and seed 1 to its fault, with {@code args}: the dump. Automatic points keep 32768
     * events.
     */
    private Path faultDump(String example, String main, String library, String points, String... args)
            throws Exception {
        Path dump = run(example, main, library, points, 1, args);
        assertTrue(dump != null, "the run ended without a fault:\n" + Files.readString(work.resolve("out.txt")));
        return dump;
    }

    /**
     * The dump of the first of seeds 1..5 whose run faults, as a sweep would find it: under automatic points a run
     * learns from nothing ({@code pairs=none}), and one whose threads did not meet where the race is ends cleanly.
     */
    private Path firstFault(String example, String main, String library, String points, String... args)
            throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            Path dump = run(example, main, library, points, seed, args);
            if (dump != null) {
                return dump;
            }
        }
        throw new AssertionError("no fault in seeds 1..5:\n" + Files.readString(work.resolve("out.txt")));
    }

    /** As {@link #faultDump} with {@code seed}: the dump, or null when the run ended cleanly. */
    private Path run(String example, String main, String library, String points, long seed, String... args)
            throws Exception {
        Path classes = Examples.compile(example, main, work.resolve("classes"), library);
        Path dumps = work.resolve("dumps");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + Installation.locate().agentJar() + "=seed=" + seed + ",points=" + points
                        + (points.startsWith("auto") ? ",pairs=none,ring=32768" : "") + ",dump-dir=" + dumps,
                "-cp", library.isEmpty() ? classes.toString() : library + File.pathSeparator + classes, main));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
        try {
            assertTrue(p.waitFor(150, TimeUnit.SECONDS), "no fault within 150 s");
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(work.resolve("out.txt"));
        if (p.exitValue() == 0) {
            return null;
        }
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
