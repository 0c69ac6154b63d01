package wedge.repro.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad {@code --batch} and {@code --entry}: exit 2 naming the option or the entry, before any JVM starts. */
class BatchUsageTest {
    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sweep --seeds 1..2 --batch 0 | --batch must be at least 1 (1 runs each seed in a JVM of its own), not 0",
        "verify-fix --seeds 1..2 --batch -3 | --batch must be at least 1 (1 runs each seed in a JVM of its own), not -3",
        "sweep --seeds 1..2 --batch ten | Invalid value for option '--batch': 'ten' is not an int",
        "minimize some.json --batch 0 | --batch must be at least 1 (1 runs each seed in a JVM of its own), not 0",
    })
    void aBadBatchExitsTwoNamingTheOption(String args, String message) {
        Wedge wedge = new Wedge();
        assertEquals(2, wedge.run(args.trim().split(" ")));
        String err = wedge.err.toString();
        assertTrue(err.contains(message), err);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "wedge.repro.cli.NoSuchTarget#seed | --entry wedge.repro.cli.NoSuchTarget#seed: class "
            + "wedge.repro.cli.NoSuchTarget not found on --classpath",
        "wedge.repro.cli.BatchTarget#nothing | --entry wedge.repro.cli.BatchTarget#nothing: "
            + "wedge.repro.cli.BatchTarget has no method nothing(long)",
        "wedge.repro.cli.BatchTarget#instance | --entry wedge.repro.cli.BatchTarget#instance: instance(long) must be "
            + "public static",
        "wedge.repro.cli.BatchTarget | --entry takes CLASS#METHOD",
    })
    void aBadEntryExitsTwoNamingIt(String entry, String message) throws Exception {
        Wedge wedge = new Wedge();
        Path points = Files.writeString(work.resolve("target.points"), BatchTarget.PROFILE);
        List<String> args = new ArrayList<>(List.of("sweep", "--seeds", "1..2", "--main", BatchTarget.class.getName(),
                "--classpath", classes().toString(), "--points", points.toString(), "--entry", entry.trim(),
                "--out", work.resolve("s.jsonl").toString()));
        assertEquals(2, wedge.run(args.toArray(String[]::new)));
        String err = wedge.err.toString();
        assertTrue(err.contains(message.trim()), err);
    }

    /** Where this module's test classes are, BatchTarget among them. */
    static Path classes() throws Exception {
        return Path.of(BatchTarget.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
