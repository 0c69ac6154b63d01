package wedge.agent.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wedge.agent.strategy.SplitMix64;
import wedge.contract.Hex;

/**
 * What a schedule did, for the dump: a hash of the event trace, the runs (who ran from which point to which), and
 * every place where determinism was lost. Written only under the {@link Scheduler}'s lock.
 *
 * <p>A run is one stretch of one thread between two context switches: {@code [ordinal, fromHit, toHit, end]}, where
 * {@code end} is the name of the point it was stopped at for the next thread, or {@code "end"} when it ended or
 * blocked. Read as script steps ({@code T<ordinal> to <end> at <toHit>}), the runs replay the schedule.
 */
final class ScheduleLog {
    /** Runs kept at most; a longer schedule is marked truncated and cannot be minimised. */
    static final int MAX_RUNS = 200_000;
    private static final int MAX_LOST = 32;

    private long traceHash = 0x5eed;
    private long decisions;
    private long switches;
    private final List<Object[]> runs = new ArrayList<>();
    private boolean truncated;
    private Member running;
    private long runFrom;
    private final List<Map<String, Object>> lost = new ArrayList<>();
    private long lostCount;

    /** A point passed, in schedule order: folded into the trace hash. */
    void trace(int ordinal, int point, long value) {
        traceHash = SplitMix64.combine(SplitMix64.combine(SplitMix64.combine(traceHash, ordinal), point), value);
        decisions++;
    }

    /** {@code next} runs now; {@code from} was running and waits at {@code from.at}, or has left. */
    void ran(Member from, Member next) {
        if (from == next && running == next) {
            return;
        }
        if (running != null) {
            boolean waits = running.status == Member.Status.READY && running.at != null;
            if (waits) {
                switches++;
            }
            add(new Object[] {running.state.ordinal, runFrom, waits ? running.at.hit() : running.state.hits,
                waits ? running.at.name() : "end"});
        }
        running = next;
        runFrom = next == null || next.at == null ? 0 : next.at.hit();
    }

    /** Determinism was lost: {@code m} did something at a moment the seed did not choose. */
    void lost(Member m, String reason) {
        lostCount++;
        if (lost.size() < MAX_LOST) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("decision", decisions);
            e.put("thread", m.state.ordinal);
            e.put("name", m.state.thread.getName());
            e.put("reason", reason);
            List<String> frames = new ArrayList<>();
            for (StackTraceElement f : m.state.thread.getStackTrace()) {
                frames.add(f.toString());
                if (frames.size() == 8) {
                    break;
                }
            }
            e.put("stack", frames);
            lost.add(e);
        }
    }

    private void add(Object[] run) {
        if (runs.size() < MAX_RUNS) {
            runs.add(run);
        } else {
            truncated = true;
        }
    }

    /** The dump's {@code schedule} object; the run in progress is left out (its thread is the one running on). */
    Map<String, Object> describe(Map<String, Object> search) {
        Map<String, Object> m = new LinkedHashMap<>(search);
        m.put("decisions", decisions);
        m.put("switches", switches);
        m.put("traceHash", Hex.of(traceHash));
        m.put("deterministic", lostCount == 0);
        m.put("lostCount", lostCount);
        m.put("lost", List.copyOf(lost));
        m.put("runsTruncated", truncated);
        m.put("runs", List.copyOf(runs));
        return m;
    }
}
