package wedge.repro.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StressCommandTest {
    private final Wedge wedge = new Wedge();

    @Test
    void strictSurvivesFourThreadsForTenSeconds() {
        assertEquals(0, wedge.run("stress", "--preset", "strict", "--threads", "4", "--seconds", "10", "--seed", "7"));
        String[] lines = wedge.out.toString().trim().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("ops=[1-9][0-9]* faults=0 double_alloc=0 leaked=0"), last);
    }

    @Test
    void anUnknownPresetExitsTwoListingTheValidOnes() {
        assertEquals(2, wedge.run("stress", "--preset", "optionz", "--seconds", "1"));
        String err = wedge.err.toString();
        assertTrue(err.contains("unknown preset 'optionz'; valid presets: buggy, option-a"), err);
    }

    @Test
    void anUnknownSwitchExitsTwoListingTheValidOnes() {
        assertEquals(2, wedge.run("stress", "--switch", "+fix9", "--seconds", "1"));
        String err = wedge.err.toString();
        assertTrue(err.contains("unknown switch 'fix9'; valid switches: fix1, fix2"), err);
    }
}
