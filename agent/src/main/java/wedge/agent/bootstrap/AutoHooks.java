package wedge.agent.bootstrap;

/**
 * The static methods that code woven for {@code points=auto} calls at each field access: one read and one write hook
 * per field type. Field {@code k}'s read point is {@code 2k}, its write point {@code 2k+1}.
 *
 * <p>The weaver calls them with plain stack operations around the original instruction (no locals, no Byte Buddy
 * binding): a read is {@code dup; getfield; hook(owner, value, point, site)}, which returns the value; a write is
 * {@code hook(value, owner, point, site); putfield}, the value first so that a {@code long} or {@code double} can
 * be passed under a copy of the owner with stack shuffles alone. A static field's owner is null.
 *
 * <p>Fast path: disarmed, each hook is its access ({@code ARMED} is a folded constant); armed, a field only one
 * thread has touched costs one check ({@link SoleThreads}). Values are recorded as events record them: integers
 * widened ({@code char} unsigned), {@code boolean} as 1/0, {@code float} and {@code double} as their raw bits,
 * references as their identity hash.
 */
public final class AutoHooks {
    private static final Sink SINK = HookWiring.sink();
    private static final boolean ARMED = HookWiring.armed();
    private static final Object[] OWNERS = SoleThreads.table();

    private AutoHooks() {
    }

    /** Read of a {@code long} field: the read has happened, its value is returned unchanged. */
    public static long readLong(Object owner, long value, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.after(owner, value, point, site);
        }
        return value;
    }

    /** Write of a {@code long} field, before it happens; returns the value to write. */
    public static long writeLong(long value, Object owner, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.before(owner, value, point, site);
        }
        return value;
    }

    /** Read of a {@code int} field: the read has happened, its value is returned unchanged. */
    public static int readInt(Object owner, int value, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.after(owner, value, point, site);
        }
        return value;
    }

    /** Write of a {@code int} field, before it happens; returns the value to write. */
    public static int writeInt(int value, Object owner, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.before(owner, value, point, site);
        }
        return value;
    }

    /** Read of a {@code short} field: the read has happened, its value is returned unchanged. */
    public static short readShort(Object owner, short value, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.after(owner, value, point, site);
        }
        return value;
    }

    /** Write of a {@code short} field, before it happens; returns the value to write. */
    public static short writeShort(short value, Object owner, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.before(owner, value, point, site);
        }
        return value;
    }

    /** Read of a {@code char} field: the read has happened, its value is returned unchanged. */
    public static char readChar(Object owner, char value, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.after(owner, value, point, site);
        }
        return value;
    }

    /** Write of a {@code char} field, before it happens; returns the value to write. */
    public static char writeChar(char value, Object owner, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.before(owner, value, point, site);
        }
        return value;
    }

    /** Read of a {@code byte} field: the read has happened, its value is returned unchanged. */
    public static byte readByte(Object owner, byte value, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.after(owner, value, point, site);
        }
        return value;
    }

    /** Write of a {@code byte} field, before it happens; returns the value to write. */
    public static byte writeByte(byte value, Object owner, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.before(owner, value, point, site);
        }
        return value;
    }

    /** Read of a {@code boolean} field: the read has happened, its value is returned unchanged. */
    public static boolean readBoolean(Object owner, boolean value, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.after(owner, value ? 1 : 0, point, site);
        }
        return value;
    }

    /** Write of a {@code boolean} field, before it happens; returns the value to write. */
    public static boolean writeBoolean(boolean value, Object owner, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.before(owner, value ? 1 : 0, point, site);
        }
        return value;
    }

    /** Read of a {@code float} field: the read has happened, its value is returned unchanged. */
    public static float readFloat(Object owner, float value, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.after(owner, Float.floatToRawIntBits(value), point, site);
        }
        return value;
    }

    /** Write of a {@code float} field, before it happens; returns the value to write. */
    public static float writeFloat(float value, Object owner, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.before(owner, Float.floatToRawIntBits(value), point, site);
        }
        return value;
    }

    /** Read of a {@code double} field: the read has happened, its value is returned unchanged. */
    public static double readDouble(Object owner, double value, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.after(owner, Double.doubleToRawLongBits(value), point, site);
        }
        return value;
    }

    /** Write of a {@code double} field, before it happens; returns the value to write. */
    public static double writeDouble(double value, Object owner, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.before(owner, Double.doubleToRawLongBits(value), point, site);
        }
        return value;
    }

    /**
     * Read of a reference field: the read has happened; the program keeps its own copy of the value (so that the
     * JVM's helpful NullPointerException message still names the field).
     */
    public static void readObject(Object owner, Object value, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.after(owner, System.identityHashCode(value), point, site);
        }
    }

    /** Write of a {@code Object} field, before it happens; returns the value to write. */
    public static Object writeObject(Object value, Object owner, int point, String site) {
        if (ARMED && !SoleThreads.sole(OWNERS, point >>> 1)) {
            SINK.before(owner, System.identityHashCode(value), point, site);
        }
        return value;
    }
}
