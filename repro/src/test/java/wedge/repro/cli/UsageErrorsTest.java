package wedge.repro.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to the commands that run cases: exit 2 and one line that says what would be right. */
class UsageErrorsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run --workload redis | unknown workload 'redis'; valid workloads: larson, xthread",
        "run --preset optionz | unknown preset 'optionz'; valid presets: buggy",
        "run --agent loud | unknown agent mode 'loud'; valid: noise, hunt, controlled, script, idle, off",
        "run --weave-cache a,b | --weave-cache takes off or a directory path without commas, not 'a,b'",
        "run --larson-sizes 8,4096,1024,1 | larson: block sizes must satisfy 1 <= min <= max <= 1024",
        "sweep --seeds 5 | seed range '5' is not a range: write FIRST..LAST, e.g. 1..100",
        "sweep --seeds 9..3 | seed range '9..3' is empty",
        "sweep --seeds 1..10 --shard 5/4 | shard '5/4' is not k/n with 1 <= k <= n",
        "verify-fix --seeds 1..2 --presets buggy,nope | unknown preset 'nope'",
        "replay /nonexistent/dump.json | /nonexistent/dump.json: no such file",
        "dump json --format markdown src/test/resources/dumps/ab-over-null.json | dump json prints JSON only, not "
            + "'markdown'; for --format markdown use dump show, explain or timeline",
    })
    void badInputExitsTwoNamingTheProblem(String args, String message) {
        Wedge wedge = new Wedge();
        assertEquals(2, wedge.run(args.trim().split(" ")));
        String err = wedge.err.toString();
        assertTrue(err.startsWith("wedge: ") && err.contains(message), err);
    }
}
