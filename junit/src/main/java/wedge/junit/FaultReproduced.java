package wedge.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A seed's invocation in which the agent captured a fault, or (under {@code hunt}) caught a race: the message holds the seed, the dump's path, the first
 * lines of the dump's text summary (the fault, its thread, where, the last point passed) and the line to replay it.
 * The fault itself, when the test method threw it, is the cause, and its first line ends the message's first.
 */
public final class FaultReproduced extends AssertionError {
    private static final long serialVersionUID = 1L;
    /** How many lines of the summary's fault section the message quotes. */
    private static final int SUMMARY_LINES = 6;

    private final long seed;
    private final String dump;

    FaultReproduced(long seed, String dump, String replay, Throwable fault) {
        super(message(seed, dump, replay, fault), fault);
        this.seed = seed;
        this.dump = dump;
    }

    /** The seed whose run faulted. */
    public long seed() {
        return seed;
    }

    /** The dump's JSON file. */
    public String dump() {
        return dump;
    }

    private static String message(long seed, String dump, String replay, Throwable fault) {
        boolean race = Path.of(dump).getFileName().toString().startsWith("wedge-race-");
        StringBuilder b = new StringBuilder("seed ").append(seed)
                .append(race ? ": a race was caught in the act under the Wedge agent" : " faulted under the Wedge agent");
        b.append(fault == null ? "" : ": " + fault).append('\n');
        b.append("dump:   ").append(dump).append('\n');
        for (String line : summary(dump)) {
            b.append("  ").append(line).append('\n');
        }
        return b.append("replay: ").append(replay).toString();
    }

    /** The summary's lines from the fault (or the races) on, or a line saying why there are none. */
    private static List<String> summary(String dump) {
        Path txt = Path.of(dump.replaceFirst("\\.json$", ".txt"));
        try {
            List<String> lines = Files.readAllLines(txt);
            int from = 0;
            while (from < lines.size() && !lines.get(from).startsWith("fault") && !lines.get(from).startsWith("races")) {
                from++;
            }
            if (from == lines.size()) {
                from = 0;
            }
            return lines.subList(from, Math.min(lines.size(), from + SUMMARY_LINES)).stream()
                    .filter(l -> !l.startsWith("seed") && !l.startsWith("jvm")).toList();
        } catch (IOException e) {
            return List.of("(no summary: cannot read " + txt + ": " + e.getMessage() + ")");
        }
    }
}
