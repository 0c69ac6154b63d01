package wedge.repro.workload;

import java.util.List;

/**
 * Larson's command-line arguments, in its order.
 *
 * @param sleepCnt    seconds the benchmark runs
 * @param minSize     smallest block, bytes
 * @param maxSize     largest block, bytes (exclusive, as in Larson, unless equal to min)
 * @param chPerThread blocks each thread's array holds
 * @param rounds      rounds over its array a worker makes before a new thread takes the array over
 * @param seed        seed of every random choice
 * @param threads     worker arrays, each worked by one thread at a time
 */
public record LarsonArgs(int sleepCnt, int minSize, int maxSize, int chPerThread, int rounds, long seed,
                         int threads) {

    public LarsonArgs {
        check(sleepCnt >= 1, "sleep_cnt must be >= 1 second, not " + sleepCnt);
        check(minSize >= 1 && maxSize <= 1024 && minSize <= maxSize,
                "block sizes must satisfy 1 <= min <= max <= 1024, not min=" + minSize + " max=" + maxSize);
        check(chPerThread >= 1, "chperthread must be >= 1, not " + chPerThread);
        check(rounds >= 1, "rounds must be >= 1, not " + rounds);
        check(threads >= 1 && threads <= 256, "threads must be 1..256, not " + threads);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("larson: " + message);
        }
    }

    /** The seven numbers in Larson's order: {@code sleep_cnt min max chperthread rounds seed threads}. */
    public List<String> argv() {
        return List.of(String.valueOf(sleepCnt), String.valueOf(minSize), String.valueOf(maxSize),
                String.valueOf(chPerThread), String.valueOf(rounds), String.valueOf(seed), String.valueOf(threads));
    }

    /** Parses Larson's seven numbers. */
    public static LarsonArgs parse(List<String> argv) {
        if (argv.size() != 7) {
            throw new IllegalArgumentException("larson takes 7 numbers: sleep_cnt min max chperthread rounds seed "
                    + "threads; got " + argv.size());
        }
        try {
            return new LarsonArgs(Integer.parseInt(argv.get(0)), Integer.parseInt(argv.get(1)),
                    Integer.parseInt(argv.get(2)), Integer.parseInt(argv.get(3)), Integer.parseInt(argv.get(4)),
                    Long.parseLong(argv.get(5)), Integer.parseInt(argv.get(6)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("larson: not a number: " + e.getMessage());
        }
    }
}
