package wedge.repro.minimize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class DdminTest {
    private static final List<Integer> INPUT = IntStream.range(0, 40).boxed().toList();
    private static final Budget RUNS_500 = Budget.of(500, Duration.ofMinutes(1));

    @Test
    void findsTheElementsThatTogetherFail() {
        Ddmin<Integer> ddmin = new Ddmin<>(c -> c.contains(3) && c.contains(17) && c.contains(31), RUNS_500, 1);
        assertEquals(List.of(3, 17, 31), ddmin.minimize(INPUT, smaller -> { }));
        assertTrue(ddmin.tests() < 100, "tests: " + ddmin.tests());
    }

    @Test
    void runningTestsInParallelFindsWhatTheSequentialSearchFinds() {
        Ddmin<Integer> ddmin = new Ddmin<>(c -> c.contains(5) && c.contains(6), RUNS_500, 3);
        assertEquals(List.of(5, 6), ddmin.minimize(INPUT, smaller -> { }));
    }

    @Test
    void stopsAtTheTestBudgetWithTheSmallestFailingListSoFar() {
        Ddmin<Integer> ddmin = new Ddmin<>(c -> c.contains(7), new Budget(2, Long.MAX_VALUE), 1);
        List<Integer> result = ddmin.minimize(INPUT, smaller -> { });
        assertEquals(2, ddmin.tests());
        assertTrue(result.contains(7) && result.size() < INPUT.size(), result.toString());
    }

    @Test
    void handsOnEachSmallerFailingListAsItIsFoundEndingWithTheResult() {
        List<List<Integer>> found = new ArrayList<>();
        Ddmin<Integer> ddmin = new Ddmin<>(c -> c.contains(9) && c.contains(30), RUNS_500, 1);
        List<Integer> result = ddmin.minimize(INPUT, found::add);
        assertEquals(List.of(9, 30), result);
        assertEquals(result, found.get(found.size() - 1));
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i).size() < found.get(i - 1).size(), found.toString());
        }
    }

    @Test
    void startsNoTestPastItsDeadline() {
        Ddmin<Integer> ddmin = new Ddmin<>(c -> c.contains(7), new Budget(500, System.nanoTime()), 1);
        assertEquals(INPUT, ddmin.minimize(INPUT, smaller -> { }));
        assertEquals(0, ddmin.tests());
    }
}
