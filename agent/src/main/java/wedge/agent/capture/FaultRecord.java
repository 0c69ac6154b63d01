package wedge.agent.capture;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wedge.agent.points.Point;
import wedge.agent.runtime.EventLog;
import wedge.agent.runtime.ThreadState;
import wedge.agent.runtime.Thrown;
import wedge.contract.Hex;

/** A fault as the dump describes it: what, where in memory, which thread, where in the code, and why a fault. */
final class FaultRecord {
    /** The rule of a fault whose type the options or the profile name: its construction is the fault. */
    static final String FAULT_TYPE = "fault-type";
    /** The rule of a run that names no fault type: an exception that escaped a thread uncaught, at the escape. */
    static final String UNCAUGHT = "uncaught";
    /**
     * The rule of a run that names no fault type for one of the JDK's usual suspects that escaped a thread uncaught:
     * described where it was thrown (its thread's last point then, {@code thrownAt}), not where it escaped.
     */
    static final String UNCAUGHT_AT_THROW = "uncaught-at-throw";
    /** The rule of a run that names no fault type for a {@code System.exit} with a status other than 0. */
    static final String EXIT_STATUS = "exit-status";
    /** The {@code type} of an {@link #EXIT_STATUS} fault, which is a call rather than an exception. */
    static final String EXIT_TYPE = "System.exit";
    private final Throwable fault;
    private final Thread thread;
    private final int ordinal;
    private final int lastPoint;
    private final String lastSite;
    private final long lastLocal;
    private final long nanos;
    private final String rule;
    private final Thrown thrown;

    /**
     * @param nanos  {@code System.nanoTime()} when the capture began (the first fault) or the fault was complete
     * @param rule   what made it a fault: {@link #FAULT_TYPE}, {@link #UNCAUGHT} or {@link #EXIT_STATUS} (an
     *               uncaught fault with a {@code thrown} record is {@link #UNCAUGHT_AT_THROW} whatever is passed)
     * @param thrown where the thread stood when it made {@code fault}, or null: the thread's last point is then the
     *               one it passed last before the capture
     */
    FaultRecord(Throwable fault, ThreadState t, long nanos, String rule, Thrown thrown) {
        this.nanos = nanos;
        this.rule = thrown == null ? rule : UNCAUGHT_AT_THROW;
        this.fault = fault;
        this.thread = t.thread;
        this.ordinal = t.ordinal;
        this.thrown = thrown;
        this.lastPoint = thrown == null ? t.lastPoint : thrown.lastPoint();
        this.lastSite = thrown == null ? t.lastSite : thrown.lastSite();
        this.lastLocal = thrown == null ? t.lastLocal() : thrown.lastLocal();
    }

    /** Whether the fault is an exit rather than an exception: the JVM's exit goes on after the dump. */
    boolean isExit() {
        return rule.equals(EXIT_STATUS);
    }

    Thread thread() {
        return thread;
    }

    /** The fault's exception type, a binary class name. */
    String type() {
        return isExit() ? EXIT_TYPE : fault.getClass().getName();
    }

    /** The fault's type without its package ({@code NullPointerException}, {@code exit}). */
    String simpleType() {
        return type().substring(type().lastIndexOf('.') + 1);
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
        m.put("thrownAt", thrown == null ? null : thrownAt());
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
            lp.put("seq", events.seqOf(ordinal, lastLocal));
            m.put("lastPoint", lp);
        }
        List<String> stack = new ArrayList<>();
        for (StackTraceElement e : fault.getStackTrace()) {
            stack.add(e.toString());
        }
        m.put("stack", stack);
        return m;
    }

    /** Where the exception was made: its innermost frame (a constructor's own frames are never in a stack trace). */
    private Map<String, Object> thrownAt() {
        StackTraceElement[] stack = fault.getStackTrace();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", stack.length == 0 ? null : stack[0].getClassName() + "#" + stack[0].getMethodName());
        m.put("line", stack.length == 0 || stack[0].getLineNumber() < 0 ? null : stack[0].getLineNumber());
        m.put("nanos", thrown.nanos());
        return m;
    }
}
