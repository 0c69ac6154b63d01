package wedge.repro.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run came to.
 *
 * @param seed       the run's seed
 * @param outcome    {@code fault}, {@code hang}, {@code clean} or {@code error}
 * @param signature  what kind of fault at what kind of address ({@code segv:ab-over-null}), {@code hang:...},
 *                   {@code -} when clean, or {@code exit-N} for an error
 * @param ttrMs      wall time from starting the child JVM to its end: the time to reproduce, for a fault
 * @param ops        malloc and free calls the workload last reported
 * @param dump       the dump the agent wrote, or null
 * @param throughput the workload's own ops/s figure when it ran to its end, else 0
 * @param detail     the fault's message, or the tail of stderr for an error, or for a clean script run the steps it
 *                   skipped; may be empty
 * @param script     under a script, how far it got: {@code reached/steps} ({@code 5/5}); else null
 */
public record RunOutcome(long seed, String outcome, String signature, long ttrMs, long ops, Path dump,
                         double throughput, String detail, String script) {

    /** The result line of {@code wedge run}; a script run adds {@code script=reached/steps}. */
    public String line() {
        return "outcome=" + outcome + " signature=" + signature + " ttr_ms=" + ttrMs + " ops=" + ops + " dump="
                + (dump == null ? "-" : dump.toString()) + (script == null ? "" : " script=" + script);
    }

    /** The outcome as plain data, for {@code --json} and sweep files. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("outcome", outcome);
        m.put("signature", signature);
        m.put("ttr_ms", ttrMs);
        m.put("ops", ops);
        m.put("dump", dump == null ? null : dump.toString());
        m.put("throughput", throughput);
        m.put("detail", detail);
        if (script != null) {
            m.put("script", script);
        }
        return m;
    }
}
