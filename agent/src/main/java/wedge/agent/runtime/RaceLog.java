package wedge.agent.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import wedge.agent.log.Log;

/**
 * The run's race reports, as a dump carries them (docs/DUMP-FORMAT.md, "race"). Reports are rare (each one is a
 * thread caught in the act), so a lock here costs nothing on any access's path.
 */
public final class RaceLog {
    /** Reports a dump holds; later ones are only counted. */
    public static final int KEPT = 64;
    /** Reports announced on the agent's log, one line each; the total is logged at exit. */
    private static final int LOGGED = 8;

    private final List<Map<String, Object>> kept = new ArrayList<>();
    private final AtomicLong total = new AtomicLong();
    private volatile RaceHandler handler;

    /** Who hears of the first report; set once while the agent starts. */
    public void handler(RaceHandler h) {
        handler = h;
    }

    /**
     * Adds a report and numbers it ({@code id}).
     *
     * @param report the report's fields in the dump's order, {@code id} first (any value; it is set here)
     * @param line   the report in one line, for the log
     */
    public void report(Map<String, Object> report, String line) {
        long id;
        synchronized (kept) {
            id = total.incrementAndGet();
            report.put("id", id);
            if (kept.size() < KEPT) {
                kept.add(report);
            }
        }
        if (id <= LOGGED) {
            Log.warn("race #" + id + " " + line);
        }
        RaceHandler h = handler;
        if (id == 1 && h != null) {
            h.onFirstRace();
        }
    }

    /** Reports made so far. */
    public long total() {
        return total.get();
    }

    /** The first reports, at most {@link #KEPT}. */
    public List<Map<String, Object>> reports() {
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }
}
