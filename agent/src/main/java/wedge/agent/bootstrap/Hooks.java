package wedge.agent.bootstrap;

import net.bytebuddy.asm.MemberSubstitution.Argument;
import net.bytebuddy.asm.MemberSubstitution.Current;
import net.bytebuddy.asm.MemberSubstitution.Origin;
import net.bytebuddy.asm.MemberSubstitution.Source;
import net.bytebuddy.asm.MemberSubstitution.This;

/**
 * The static methods woven code calls: one per shape of access (read, write, call, enter, exit) and value type.
 *
 * <p>Loaded from the bootstrap class path, so every class loader sees it. Its Byte Buddy annotations tell the weaver
 * how to bind each parameter; the weaver reads them from this class's bytes, so it does not matter that the
 * annotation types themselves are invisible from the bootstrap loader (the JVM ignores unresolvable annotations).
 *
 * <p>Fast path: when points are disarmed, {@code ARMED} is a folded constant {@code false} and every hook is just its
 * access; no allocation, no lock, no volatile read. Reference values are recorded as their identity hash.
 */
public final class Hooks {
    private static final Sink SINK = HookWiring.sink();
    private static final boolean ARMED = HookWiring.armed();

    private Hooks() {
    }

    /** Field read of a {@code long}: the read has happened, its value is returned unchanged. */
    public static long readLong(@This(optional = true) Object owner, @Current long value, @PointId int point,
                                @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.after(owner, value, point, site);
        }
        return value;
    }

    /** Field read of an {@code int}. */
    public static int readInt(@This(optional = true) Object owner, @Current int value, @PointId int point,
                              @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.after(owner, value, point, site);
        }
        return value;
    }

    /** Field read of a {@code boolean}, recorded as 1 or 0. */
    public static boolean readBoolean(@This(optional = true) Object owner, @Current boolean value,
                                      @PointId int point, @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.after(owner, value ? 1 : 0, point, site);
        }
        return value;
    }

    /**
     * Field read of a reference, woven around the program's own read ({@code ReferenceValues}): the value stays the
     * one its read produced, so the JVM's helpful NullPointerException messages still name the field.
     */
    public static void readSeen(Object owner, Object value, int point, String site) {
        if (ARMED) {
            SINK.after(owner, System.identityHashCode(value), point, site);
        }
    }

    /** Field write of a {@code long}, before the write happens. */
    public static void writeLong(@This(optional = true) Object owner, @Argument(0) long value, @PointId int point,
                                 @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.before(owner, value, point, site);
        }
    }

    /** Field write of an {@code int}. */
    public static void writeInt(@This(optional = true) Object owner, @Argument(0) int value, @PointId int point,
                                @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.before(owner, value, point, site);
        }
    }

    /** Field write of a {@code boolean}. */
    public static void writeBoolean(@This(optional = true) Object owner, @Argument(0) boolean value,
                                    @PointId int point, @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.before(owner, value ? 1 : 0, point, site);
        }
    }

    /** Field write of a reference. */
    public static void writeObject(@This(optional = true) Object owner, @Argument(0) Object value,
                                   @PointId int point, @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.before(owner, System.identityHashCode(value), point, site);
        }
    }

    /** Call site returning {@code long}, after the call; the subject is the caller's {@code this}. */
    public static long callLong(@This(source = Source.ENCLOSING_METHOD, optional = true) Object caller,
                                @Current long result, @PointId int point,
                                @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.after(caller, result, point, site);
        }
        return result;
    }

    /** Call site returning {@code int}. */
    public static int callInt(@This(source = Source.ENCLOSING_METHOD, optional = true) Object caller,
                              @Current int result, @PointId int point,
                              @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.after(caller, result, point, site);
        }
        return result;
    }

    /** Call site returning {@code boolean}. */
    public static boolean callBoolean(@This(source = Source.ENCLOSING_METHOD, optional = true) Object caller,
                                      @Current boolean result, @PointId int point,
                                      @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.after(caller, result ? 1 : 0, point, site);
        }
        return result;
    }

    /**
     * Call site returning a reference, woven around the program's own call ({@code ReferenceValues}); the subject is
     * the caller's {@code this}, and the result stays the one the call returned.
     */
    public static void callSeen(Object caller, Object result, int point, String site) {
        if (ARMED) {
            SINK.after(caller, System.identityHashCode(result), point, site);
        }
    }

    /** Call site of a {@code void} method. */
    public static void callVoid(@This(source = Source.ENCLOSING_METHOD, optional = true) Object caller,
                                @PointId int point, @Origin(source = Source.ENCLOSING_METHOD) String site) {
        if (ARMED) {
            SINK.after(caller, 0, point, site);
        }
    }

    /** Method entry, called from inlined advice. */
    public static void enter(Object subject, long value, int point, String site) {
        if (ARMED) {
            SINK.after(subject, value, point, site);
        }
    }

    /** Method exit (normal or by exception), called from inlined advice. */
    public static void exit(Object subject, long value, int point, String site) {
        if (ARMED) {
            SINK.before(subject, value, point, site);
        }
    }

    /** {@code Thread.start} of {@code child} was called; woven only under a scheduling strategy. */
    public static void threadStart(Object child) {
        if (ARMED) {
            SINK.threadStart(child);
        }
    }

    /** The fault type's constructor has begun; called whether or not points are armed. */
    public static void faultEntered() {
        SINK.faultEntered();
    }

    /** The fault type's constructor has finished; called whether or not points are armed. */
    public static void fault(Object fault) {
        SINK.fault(fault);
    }

    /** One of the JDK's usual suspects has been constructed; called whether or not points are armed. */
    public static void thrown(Object exception) {
        SINK.thrown(exception);
    }

    /** {@code Runtime.exit} was called; called whether or not points are armed. */
    public static void exiting(int status) {
        SINK.exiting(status);
    }
}
