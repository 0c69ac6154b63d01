package wedge.repro.dump;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wedge dump}: bad input exits 2 with one line naming the file; each subcommand prints what it promises. */
class DumpCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void assertBadDump(Path dump, String why) {
        for (String sub : new String[] {"show", "explain", "timeline", "json", "html"}) {
            WedgeDump r = WedgeDump.run(sub, dump.toString());
            assertEquals(2, r.status, sub + ": " + r.err);
            assertEquals("", r.out, sub);
            String[] lines = r.err.strip().split("\n");
            assertEquals(1, lines.length, r.err);
            assertTrue(lines[0].startsWith("wedge dump: " + dump + ": " + why), lines[0]);
        }
        assertTrue(Files.notExists(dump.resolveSibling(dump.getFileName().toString().replace(".json", ".html"))),
                "no page for a bad dump");
    }

    @Test
    void aMissingFileIsBadInput() {
        assertBadDump(dir.resolve("nowhere.json"), "no such file");
    }

    @Test
    void anEmptyFileIsBadInput() throws IOException {
        assertBadDump(file("empty.json", new byte[0]), "empty file");
    }

    @Test
    void aTruncatedDumpIsBadInput() throws IOException {
        byte[] whole = Files.readAllBytes(Path.of(WedgeDump.resource("ab-over-null.json")));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertBadDump(file("cut.json", half), "truncated JSON");
    }

    @Test
    void garbageIsBadInput() throws IOException {
        assertBadDump(file("garbage.json", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}), "not JSON");
    }

    @Test
    void anotherFormatVersionIsBadInput() throws IOException {
        String other = Files.readString(Path.of(WedgeDump.resource("ab-over-null.json")))
                .replace("\"wedge-dump/1\"", "\"wedge-dump/9\"");
        assertBadDump(file("v9.json", other.getBytes(StandardCharsets.UTF_8)),
                "format 'wedge-dump/9' is not one this wedge reads: wedge-dump/2 or wedge-dump/1");
    }

    @Test
    void anUnknownFormatOptionIsAUsageError() {
        WedgeDump r = WedgeDump.run("explain", "--format", "html", WedgeDump.resource("ab-over-null.json"));
        assertEquals(2, r.status);
        assertTrue(r.err.startsWith("unknown format 'html'; valid formats: text, markdown"), r.err);
    }

    @Test
    void noSubcommandIsAUsageError() {
        WedgeDump r = WedgeDump.run();
        assertEquals(2, r.status);
        assertTrue(r.err.startsWith("missing subcommand: show, explain, timeline, json or html"), r.err);
    }

    @Test
    void htmlWritesOneSelfContainedPageBesideTheDump() throws IOException {
        Path dump = Files.copy(Path.of(WedgeDump.resource("ab-over-null.json")), dir.resolve("crash.json"));
        WedgeDump r = WedgeDump.run("html", dump.toString());
        assertEquals(0, r.status, r.err);
        Path page = dir.resolve("crash.html");
        assertEquals(page + "\n", r.out);
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<h2>WHY</h2>"), html);
        assertFalse(html.matches("(?s).*\\b(src|href)=.*"), "nothing fetched");
    }

    @Test
    void htmlIntoAMissingDirectoryIsAUsageError() {
        WedgeDump r = WedgeDump.run("html", WedgeDump.resource("ab-over-null.json"), "-o",
                dir.resolve("no/such/dir/page.html").toString());
        assertEquals(2, r.status);
        assertTrue(r.err.startsWith("cannot write " + dir.resolve("no/such/dir/page.html")), r.err);
    }

    @Test
    void showSummarisesFaultRunSlabsCountersAndReplay() {
        WedgeDump r = WedgeDump.run("show", WedgeDump.resource("ab-over-null.json"));

        assertEquals(0, r.status, r.err);
        assertTrue(r.section("FAULT").contains("wedge.allocator.SegmentationFault at 0x6261 (ab-over-null) in"
                + " thread T3 larson-w3"), r.out);
        assertTrue(r.section("FAULT").contains("last point freelist.read in wedge.allocator.TinyHeap#popBatch (#114)"
                + " on ss0/slab5"), r.out);
        assertTrue(r.section("RUN").contains("seed 7, strategy noise(p=0.05, pause=park, duration=20us), preset"
                + " buggy"), r.out);
        assertTrue(r.section("SLABS").contains("freelist: 0x6261  BROKEN at #0: unmapped address"), r.out);
        assertTrue(r.section("COUNTERS").contains("drains 3  nonOwnerDrains 2"), r.out);
        assertTrue(r.section("EVENTS").contains("1 lost update(s) on a freelist (ss0/slab5)"), r.out);
        assertTrue(r.section("REPLAY").contains("scripts/wedge run --workload larson --preset buggy --seed 7"), r.out);
    }

    @Test
    void timelineInMarkdownIsAGithubTablePerLostUpdate() {
        WedgeDump r = WedgeDump.run("timeline", "--format", "markdown", WedgeDump.resource("ab-over-null.json"));

        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("| step | T5 larson-w5 (drain; not the owner at snapshot) | T3 larson-w3 (pop; owner"
                + " at snapshot) | result |\n| --- | --- | --- | --- |\n"), r.out);
        assertTrue(r.out.contains("| #106 | write freelist = 0x7a1ad5a51200 (linked to 0x7a1ad5a54e40) |  |"
                + " LOST UPDATE: overwrites T3's write #105; 0x7a1ad5a54e40 is now handed out and linked |"), r.out);
    }

    @Test
    void timelineSaysPlainlyWhenTheWindowHoldsNoLostUpdate() {
        WedgeDump r = WedgeDump.run("timeline", WedgeDump.resource("unmapped.json"));

        assertEquals(0, r.status, r.err);
        assertTrue(r.flat(r.out).contains("#201..#209, the last 9 of 109 events; 4 writes of a slab's freelist;"
                + " 0 lost update(s)"), r.out);
        assertTrue(r.flat(r.out).contains("No lost update on any slab's freelist within the event window"), r.out);
    }

    @Test
    void jsonPrintsTheDumpOrOnePart() {
        WedgeDump whole = WedgeDump.run("json", WedgeDump.resource("null-page.json"));
        WedgeDump fault = WedgeDump.run("json", "--part", "fault", WedgeDump.resource("null-page.json"));
        WedgeDump missing = WedgeDump.run("json", "--part", "nope", WedgeDump.resource("null-page.json"));

        assertEquals(0, whole.status, whole.err);
        assertTrue(whole.out.startsWith("{\n  \"format\" : \"wedge-dump/2\""), whole.out);
        assertEquals(0, fault.status, fault.err);
        assertTrue(fault.out.startsWith("{\n  \"type\" : \"wedge.allocator.SegmentationFault\""), fault.out);
        assertEquals(2, missing.status);
        assertTrue(missing.err.startsWith("no part 'nope' in "), missing.err);
    }

    @Test
    void textOutputFitsTheTerminalExceptCommandsToCopy() {
        for (String sub : new String[] {"show", "explain", "timeline"}) {
            WedgeDump r = WedgeDump.run(sub, WedgeDump.resource("sample-fault-dump.json"));
            for (String line : r.out.split("\n")) {
                assertTrue(line.length() <= Report.WIDTH || line.contains("scripts/wedge run"), sub + ": " + line);
            }
        }
    }
}
