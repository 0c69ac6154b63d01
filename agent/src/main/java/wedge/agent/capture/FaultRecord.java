package wedge.agent.capture;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wedge.agent.points.Point;
import wedge.agent.runtime.EventLog;
import wedge.agent.runtime.ThreadState;
import wedge.contract.Hex;

/** A fault as the dump describes it: what, where in memory, which thread, where in the code, and why a fault. */
final class FaultRecord {
    /** The rule of a fault whose type the options or the profile name: its construction is the fault. */
    static final String FAULT_TYPE = "fault-type";
    /** The rule of a run that names no fault type: an exception that escaped a thread uncaught, at the escape. */
    static final String UNCAUGHT = "uncaught";
    private final Throwable fault;
    private final Thread thread;
    private final int ordinal;
    private final int lastPoint;
    private final String lastSite;
    private final ThreadState state;
    private final long nanos;
    private final String rule;

    /**
     * @param nanos {@code System.nanoTime()} when the capture began (the first fault) or the fault was complete
     * @param rule  what made it a fault: {@link #FAULT_TYPE} or {@link #UNCAUGHT}
     */
    FaultRecord(Throwable fault, ThreadState t, long nanos, String rule) {
        this.nanos = nanos;
        this.rule = rule;
        this.fault = fault;
        this.thread = t.thread;
        this.ordinal = t.ordinal;
        this.lastPoint = t.lastPoint;
        this.lastSite = t.lastSite;
        this.state = t;
    }

    Thread thread() {
        return thread;
    }

    /** The fault's exception type, a binary class name. */
    String type() {
        return fault.getClass().getName();
    }

    /** The fault's {@code address()} when its type has one (as {@code SegmentationFault} does), else null. */
    Long address() {
        try {
            Method m = fault.getClass().getMethod("address");
            Object v = m.invoke(fault);
            return v instanceof Number ? ((Number) v).longValue() : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The dump's {@code fault} object; see docs/DUMP-FORMAT.md. */
    Map<String, Object> toMap(List<Point> points, EventLog.Merged events) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type());
        m.put("message", fault.getMessage());
        Long address = address();
        m.put("address", address == null ? null : Hex.of(address));
        m.put("addressValue", address);
        m.put("nanos", nanos);
        m.put("rule", rule);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", thread.getName());
        t.put("id", thread.getId());
        t.put("ordinal", ordinal);
        m.put("thread", t);
        if (lastPoint < 0) {
            m.put("lastPoint", null);
        } else {
            Map<String, Object> lp = new LinkedHashMap<>();
            lp.put("name", points.get(lastPoint).name());
            lp.put("site", Sites.shorten(lastSite));
            lp.put("seq", events.lastSeqOf(state));
            m.put("lastPoint", lp);
        }
        List<String> stack = new ArrayList<>();
        for (StackTraceElement e : fault.getStackTrace()) {
            stack.add(e.toString());
        }
        m.put("stack", stack);
        return m;
    }
}
