package wedge.repro;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import wedge.repro.cli.Main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StressCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int wedge(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void strictSurvivesFourThreadsForTenSeconds() {
        assertEquals(0, wedge("stress", "--preset", "strict", "--threads", "4", "--seconds", "10", "--seed", "7"));
        String[] lines = out.toString().trim().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("ops=[1-9][0-9]* faults=0 double_alloc=0 leaked=0"), last);
    }

    @Test
    void anUnknownPresetExitsTwoListingTheValidOnes() {
        assertEquals(2, wedge("stress", "--preset", "optionz", "--seconds", "1"));
        assertTrue(err.toString().contains("unknown preset 'optionz'; valid presets: buggy, option-a"), err.toString());
    }

    @Test
    void anUnknownSwitchExitsTwoListingTheValidOnes() {
        assertEquals(2, wedge("stress", "--switch", "+fix9", "--seconds", "1"));
        assertTrue(err.toString().contains("unknown switch 'fix9'; valid switches: fix1, fix2"), err.toString());
    }
}
