package wedge.repro.dump;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables fit the terminal by wrapping cells, and paste into Markdown with their pipes escaped. */
class TableTest {
    private final Table table = new Table(List.of("step", "thread", "result"), List.of(
            List.of("#1", "read freelist = 0x7a1ad5a54e40", ""),
            List.of("#2", "write 0x7a1ad5a51200", "LOST UPDATE: overwrites T3's write #1 and a long explanation that wraps")));

    @Test
    void textKeepsNarrowColumnsWholeAndWrapsTheLastInWhatIsLeft() {
        List<String> lines = table.text(70);

        lines.forEach(l -> assertTrue(l.length() <= 70, l));
        assertEquals("| step | thread                         | result                     |", lines.get(0));
        assertEquals("| #1   | read freelist = 0x7a1ad5a54e40 |                            |", lines.get(2));
        assertEquals("| #2   | write 0x7a1ad5a51200           | LOST UPDATE: overwrites    |", lines.get(3));
        assertEquals("LOST UPDATE: overwrites T3's write #1 and a long explanation that wraps",
                WedgeDump.cell(String.join("\n", lines), "#2", 2));
    }

    @Test
    void onANarrowTerminalTheOtherColumnsWrapToLeaveTheLastItsShare() {
        List<String> lines = table.text(50);

        lines.forEach(l -> assertTrue(l.length() <= 50, l));
        assertEquals("| step | thread       | result                   |", lines.get(0));
        assertEquals("read freelist = 0x7a1ad5a54e 40", WedgeDump.cell(String.join("\n", lines), "#1", 1),
                "an address wider than the column is cut, never lost");
    }

    @Test
    void markdownIsOneLinePerRowWithPipesEscaped() {
        Table piped = new Table(List.of("step", "note"), List.of(List.of("#1", "a|b")));

        assertEquals(List.of("| step | thread | result |", "| --- | --- | --- |",
                "| #1 | read freelist = 0x7a1ad5a54e40 |  |",
                "| #2 | write 0x7a1ad5a51200 | LOST UPDATE: overwrites T3's write #1 and a long explanation that wraps |"),
                table.markdown());
        assertEquals("| #1 | a\\|b |", piped.markdown().get(2));
    }
}
