package wedge.repro.cli;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyFixCommandTest {
    @TempDir
    Path work;

    @Test
    @Timeout(240)
    void buggyFaultsAndStrictDoesNotOnTheSameSeeds() {
        Wedge wedge = new Wedge();
        assertEquals(0, wedge.run("verify-fix", "--presets", "buggy,strict", "--seeds", "1..8", "--seconds", "5",
                "--parallel", "2", "--out", work.resolve("vf.jsonl").toString(), "--dump-dir",
                work.resolve("dumps").toString()), wedge.err.toString());
        String table = wedge.out.toString();
        Matcher buggy = row("buggy", table);
        Matcher strict = row("strict", table);
        assertTrue(Integer.parseInt(buggy.group(1)) >= 1, table);
        assertEquals("0", strict.group(1), table);
        assertEquals("0", strict.group(2), table);
        assertEquals("0", strict.group(3), table);
        assertEquals("8", strict.group(4), table);
    }

    /** The row of {@code preset}: fault, hang, race and clean counts in groups 1..4. */
    private static Matcher row(String preset, String table) {
        Matcher m = Pattern.compile("(?m)^" + preset + " +(\\d+) +(\\d+) +(\\d+) +(\\d+) +(\\d+) ").matcher(table);
        assertTrue(m.find(), table);
        return m;
    }
}
