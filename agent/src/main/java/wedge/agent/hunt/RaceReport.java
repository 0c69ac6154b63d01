package wedge.agent.hunt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wedge.agent.runtime.SubjectLabel;
import java.util.concurrent.TimeUnit;
import wedge.agent.runtime.ThreadState;
import wedge.contract.Hex;

/**
 * Builds one race report as the dump carries it (docs/DUMP-FORMAT.md, "race") and as the log prints it: both
 * threads, both sites with their lines, both values, both stacks.
 */
final class RaceReport {
    private static final String AGENT_PACKAGE = "wedge.agent.";

    private RaceReport() {
    }

    /**
     * @param field       the field both sides touch, {@code Class#field}
     * @param paused      the paused side
     * @param other       the caught side, or null for a stale read
     * @param reread      what the paused thread read again after its pause (stale read), else null
     * @param sinceFirst  nanoseconds from the run's first event to this report
     */
    static Map<String, Object> of(Trap.Side paused, Object subject, String field, Trap.Side other, Long reread,
                                  long pauseNanos, boolean forced, long sinceFirst) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", 0);
        m.put("kind", other == null ? "stale-read" : "trap");
        m.put("subject", SubjectLabel.of(subject));
        m.put("field", field);
        m.put("nanos", System.nanoTime());
        m.put("sinceFirstEventMillis", TimeUnit.NANOSECONDS.toMillis(sinceFirst));
        m.put("pauseNanos", pauseNanos);
        m.put("forced", forced);
        m.put("paused", access(paused));
        m.put("other", other == null ? null : access(other));
        if (reread == null) {
            m.put("reread", null);
        } else {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("value", reread);
            r.put("valueHex", Hex.of(reread));
            m.put("reread", r);
        }
        return m;
    }

    /** The report in one line: {@code on SUBJECT FIELD: T1 NAME read V at SITE:LINE (paused), T2 ...}. */
    static String line(Map<String, Object> report) {
        StringBuilder b = new StringBuilder(String.valueOf(report.get("kind"))).append(" on ")
                .append(report.get("subject")).append(' ').append(report.get("field")).append(": ");
        b.append(side(report.get("paused"))).append(" (paused)");
        Object other = report.get("other");
        if (other != null) {
            b.append(", ").append(side(other));
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) report.get("reread");
            b.append(", re-read ").append(r.get("valueHex")).append(" after the pause");
        }
        return b.toString();
    }

    private static String side(Object o) {
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) o;
        return "T" + a.get("thread") + " " + a.get("name") + " " + a.get("access") + " " + a.get("valueHex") + " at "
                + a.get("site") + (a.get("line") == null ? "" : ":" + a.get("line"));
    }

    private static Map<String, Object> access(Trap.Side s) {
        List<StackTraceElement> frames = woven(s.stack());
        ThreadState t = s.thread();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread", t.ordinal);
        m.put("name", t.thread.getName());
        m.put("point", s.at().pointName);
        m.put("access", s.write() ? "write" : "read");
        m.put("site", s.at().site);
        m.put("line", frames.isEmpty() || frames.get(0).getLineNumber() <= 0 ? null : frames.get(0).getLineNumber());
        m.put("value", s.value());
        m.put("valueHex", Hex.of(s.value()));
        List<String> stack = new ArrayList<>(frames.size());
        frames.forEach(f -> stack.add(f.toString()));
        m.put("stack", stack);
        return m;
    }

    /** The stack from the woven method outwards: the agent's own frames, innermost, left out. */
    private static List<StackTraceElement> woven(StackTraceElement[] stack) {
        int i = 0;
        while (i < stack.length && stack[i].getClassName().startsWith(AGENT_PACKAGE)) {
            i++;
        }
        return Arrays.asList(stack).subList(i, stack.length);
    }
}
