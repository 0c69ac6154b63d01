package wedge.agent.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import wedge.agent.config.PauseKind;

class NoiseStrategyTest {
    private static long[] schedule(long seed, int ordinal) {
        NoiseStrategy s = new NoiseStrategy(seed, 0.1, PauseKind.SPIN, 1_000, List.of());
        long[] out = new long[2000];
        for (int hit = 0; hit < out.length; hit++) {
            out[hit] = s.pauseNanos(ordinal, hit % 3, hit);
        }
        return out;
    }

    @Test
    void aThreadsScheduleIsAPureFunctionOfTheSeed() {
        assertEquals(java.util.Arrays.toString(schedule(42, 1)), java.util.Arrays.toString(schedule(42, 1)));
        assertNotEquals(java.util.Arrays.toString(schedule(42, 1)), java.util.Arrays.toString(schedule(43, 1)));
        assertNotEquals(java.util.Arrays.toString(schedule(42, 1)), java.util.Arrays.toString(schedule(42, 2)));
    }

    @Test
    void pausesFollowTheProbabilityAndStayWithinTheDuration() {
        long[] s = schedule(7, 1);
        long paused = java.util.Arrays.stream(s).filter(n -> n > 0).count();
        assertTrue(paused > 150 && paused < 250, "about 10 % of 2000: " + paused);
        assertTrue(java.util.Arrays.stream(s).allMatch(n -> n >= 0 && n <= 1_000));
    }
}
