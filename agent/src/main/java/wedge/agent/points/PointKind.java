package wedge.agent.points;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where in bytecode a point sits. */
public enum PointKind {
    /** Every read of a field, in the methods of the point's scope. */
    FIELD_READ("field-read"),
    /** Every write of a field, in the methods of the point's scope. */
    FIELD_WRITE("field-write"),
    /** Entry of a method. */
    METHOD_ENTER("method-enter"),
    /** Exit of a method, by return or by exception. */
    METHOD_EXIT("method-exit"),
    /** Every call of a method, in the methods of the point's scope; the event follows the call. */
    CALL_SITE("call-site");

    private final String id;

    PointKind(String id) {
        this.id = id;
    }

    /** The name used in point files. */
    public String id() {
        return id;
    }

    /** Whether the point is woven into a method's body (advice) rather than at accesses inside a scope. */
    public boolean isMethodBoundary() {
        return this == METHOD_ENTER || this == METHOD_EXIT;
    }

    /** The kind named {@code id}, or null. */
    public static PointKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElse(null);
    }

    /** Every name, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(PointKind::id).collect(Collectors.joining(", "));
    }
}
