package wedge.repro.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run came to.
 *
 * @param seed       the run's seed
 * @param outcome    {@code fault}, {@code hang}, {@code race} (a race reported, no fault), {@code clean} or
 *                   {@code error}; a workload that checks the heap at
 *                   its end (Larson) is {@code clean} only when no block was leaked or handed out twice
 * @param signature  what kind of fault at what kind of address ({@code segv:ab-over-null}), {@code heap:leaked} or
 *                   {@code heap:double-alloc} for a heap whose books did not balance at the end, {@code hang:...},
 *                   {@code race:Class.field} for a race, {@code -} when clean, {@code exit-N} for an error, or {@code killed:SIGNAL} when something
 *                   outside the run killed its JVM
 * @param ttrMs      wall time from starting the child JVM to its end, or in a batch from the seed's start to its
 *                   end: the time to reproduce, for a fault
 * @param ops        malloc and free calls completed: the workload's final count when it ran to its end, else the
 *                   last count it reported (every 100 ms) before the run ended, or null when it reported none
 * @param dump       the dump this run's agent wrote, or null
 * @param unwritten  why this run's agent could not write its dump, or null
 * @param throughput the workload's own ops/s figure when it ran to its end, else 0
 * @param detail     the fault's message, or the tail of stderr for an error, or for a clean script run the steps it
 *                   skipped; may be empty
 * @param script     under a script, how far it got: {@code reached/steps} ({@code 5/5}); else null
@param races      under {@code hunt}, the race reports the run made, when known; else null
 * @param batched    whether the seed ran in a batch child, among other seeds: then {@code ttrMs} is from the seed's
 *                   own start, not its JVM's
 * @param startMs    in a batch, on the first seed of each child JVM: how long that JVM took from its start to the
 *                   seed's, which the seeds after it in the same JVM do not pay; else null
 */
public record RunOutcome(long seed, String outcome, String signature, long ttrMs, Long ops, Path dump,
                         String unwritten, double throughput, String detail, String script, Long races,
                         boolean batched, Long startMs) {

    /** The outcome of a seed run in a JVM of its own, with no count of race reports. */
    public RunOutcome(long seed, String outcome, String signature, long ttrMs, Long ops, Path dump, String unwritten,
                      double throughput, String detail, String script) {
        this(seed, outcome, signature, ttrMs, ops, dump, unwritten, throughput, detail, script, null, false, null);
    }

    /** This outcome with {@code races} race reports: a run under {@code hunt}. */
    public RunOutcome withRaces(Long races) {
        return new RunOutcome(seed, outcome, signature, ttrMs, ops, dump, unwritten, throughput, detail, script,
                races, batched, startMs);
    }

    /** This outcome as a seed's in a batch child; {@code jvmStartMs} on the first seed of the child, else null. */
    RunOutcome inBatch(Long jvmStartMs) {
        return new RunOutcome(seed, outcome, signature, ttrMs, ops, dump, unwritten, throughput, detail, script,
                races, true, jvmStartMs);
    }

    /** Whether something outside the run killed its JVM: no result, a sweep runs the seed again. */
    public boolean killed() {
        return signature.startsWith(ChildRun.KILLED);
    }

    /**
     * The result line of {@code wedge run}; {@code ops=} is left out when the workload reported no count, a
     * script run adds {@code script=reached/steps}, and a hunt run {@code races=N}.
     */
    public String line() {
        return "outcome=" + outcome + " signature=" + signature + " ttr_ms=" + ttrMs
                + (ops == null ? "" : " ops=" + ops) + " dump=" + dumpField()
                + (script == null ? "" : " script=" + script) + (races == null ? "" : " races=" + races);
    }

    private String dumpField() {
        if (dump != null) {
            return dump.toString();
        }
        return unwritten == null ? "-" : "unwritten:" + DumpReport.quote(unwritten);
    }

    /** The outcome as plain data, for {@code --json} and sweep files; {@code ops} is absent when unknown. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("outcome", outcome);
        m.put("signature", signature);
        m.put("ttr_ms", ttrMs);
        if (ops != null) {
            m.put("ops", ops);
        }
        m.put("dump", dump == null ? null : dump.toString());
        if (unwritten != null) {
            m.put("dump_unwritten", unwritten);
        }
        m.put("throughput", throughput);
        m.put("detail", detail);
        if (script != null) {
            m.put("script", script);
        }
        if (races != null) {
            m.put("races", races);
        }
        if (batched) {
            m.put("batched", true);
        }
        if (startMs != null) {
            m.put("jvm_start_ms", startMs);
        }
        return m;
    }
}
