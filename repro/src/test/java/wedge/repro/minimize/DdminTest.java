package wedge.repro.minimize;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class DdminTest {
    private static final List<Integer> INPUT = IntStream.range(0, 40).boxed().toList();

    @Test
    void findsTheElementsThatTogetherFail() {
        Ddmin<Integer> ddmin = new Ddmin<>(c -> c.contains(3) && c.contains(17) && c.contains(31), 500, 1);
        assertEquals(List.of(3, 17, 31), ddmin.minimize(INPUT));
        assertTrue(ddmin.tests() < 100, "tests: " + ddmin.tests());
    }

    @Test
    void runningTestsInParallelFindsWhatTheSequentialSearchFinds() {
        Ddmin<Integer> ddmin = new Ddmin<>(c -> c.contains(5) && c.contains(6), 500, 3);
        assertEquals(List.of(5, 6), ddmin.minimize(INPUT));
    }

    @Test
    void stopsAtTheTestBudgetWithTheSmallestFailingListSoFar() {
        Ddmin<Integer> ddmin = new Ddmin<>(c -> c.contains(7), 2, 1);
        List<Integer> result = ddmin.minimize(INPUT);
        assertEquals(2, ddmin.tests());
        assertTrue(result.contains(7) && result.size() < INPUT.size(), result.toString());
    }
}
