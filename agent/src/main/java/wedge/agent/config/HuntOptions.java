package wedge.agent.config;

import java.nio.file.Path;

/**
 * What {@code strategy=hunt} is told; refused under every other strategy.
 *
 * @param pairs  where learned pairs are read from at start and written back at exit: null for the user's cache,
 *               {@code none} for nowhere, else a file
 * @param onRace what happens at the first race report
 * @param order  whether a paused reader is held until its partner's write lands
 */
public record HuntOptions(String pairs, OnRace onRace, RaceOrder order) {
    /** The {@code pairs} value that keeps no pairs. */
    public static final String NO_PAIRS = "none";

    /** These options with the pairs path made absolute, for another process. */
    public HuntOptions absolutePaths() {
        boolean file = pairs != null && !pairs.equals(NO_PAIRS);
        return new HuntOptions(file ? Path.of(pairs).toAbsolutePath().toString() : pairs, onRace, order);
    }
}
