package wedge.repro.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The progress line of a long sweep, on stderr: a bar redrawn in place on a terminal, or a line per tenth of the
 * work when stderr is a file or a pipe (CI logs).
 */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final long total;
    private final long start = System.nanoTime();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private long done;

    /**
     * @param err      where to draw
     * @param terminal whether {@code err} is a terminal, to redraw in place
     * @param total    runs to do
     */
    public Progress(PrintWriter err, boolean terminal, long total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
    }

    /** Counts one finished run. */
    public synchronized void done(String outcome) {
        done++;
        outcomes.merge(outcome, 1, Integer::sum);
        if (terminal) {
            err.print("\r" + line());
            if (done == total) {
                err.println();
            }
        } else if (total <= 20 || done == total || done % Math.max(1, total / 10) == 0) {
            err.println(line());
        }
        err.flush();
    }

    private String line() {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * (double) done / total);
        StringBuilder b = new StringBuilder("[").append("#".repeat(filled)).append(".".repeat(WIDTH - filled))
                .append("] ").append(done).append('/').append(total);
        outcomes.forEach((k, v) -> b.append("  ").append(k).append(' ').append(v));
        long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
        b.append(String.format(Locale.ROOT, "  elapsed %dm%02ds", elapsed / 60, elapsed % 60));
        if (done > 0 && done < total) {
            long eta = elapsed * (total - done) / done;
            b.append(String.format(Locale.ROOT, "  eta %dm%02ds", eta / 60, eta % 60));
        }
        return b.toString();
    }
}
