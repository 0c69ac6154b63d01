package wedge.agent.bootstrap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Which automatic fields only one thread has touched so far: such a field's accesses cost this one check and are
 * neither recorded nor passed to the strategy, since no race can be on them. A field's first {@link #PROBATION}
 * accesses are points whoever makes them (a lazy initialisation is read and written a few times in all, and its race
 * needs both threads' accesses on record), and a second thread among them shares the field at once; else the thread
 * that makes the next one owns the field, and the first access by another thread marks it shared for good. From then
 * on every access of it is a point.
 *
 * <p>The owner slot is read with opaque semantics, so the compiler cannot hoist it out of a loop and an owner keeps
 * seeing itself after another thread shared the field; opaque costs what a plain load does on x86 and ARM.
 */
public final class SoleThreads {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final Object SHARED = new Object();
    /** How many accesses of a field are points before a thread may own it. */
    static final int PROBATION = 8;
    private static volatile Object[] owners = new Object[0];
    /** Accesses of each field still in probation; plain counts, as a lost increment costs one more point. */
    private static volatile int[] probation = new int[0];
    /** The first thread seen at each field in probation; plain, as a lost store only delays the sharing. */
    private static volatile Object[] firsts = new Object[0];

    private SoleThreads() {
    }

    /**
     * Makes room for {@code fields} fields, all untouched. Must happen before the first woven class runs.
     *
     * <p>Each access mode is used once here, on a scratch table: the first use of a {@code VarHandle} mode links its
     * invoker, milliseconds in a cold JVM, and in the first woven access that would open a window between its read
     * and its write that no race of the program has.
     */
    public static void install(int fields) {
        Object[] scratch = new Object[1];
        claim(scratch, 0, SLOT.getOpaque(scratch, 0), Thread.currentThread());
        claim(scratch, 0, SLOT.getOpaque(scratch, 0), new Thread(() -> { }));
        probation = new int[fields];
        firsts = new Object[fields];
        owners = new Object[fields];
    }

    static Object[] table() {
        return owners;
    }

    /** Whether the calling thread is the only one that has touched field {@code field} of {@code table}. */
    static boolean sole(Object[] table, int field) {
        Object owner = SLOT.getOpaque(table, field);
        Thread me = Thread.currentThread();
        return owner == me || claim(table, field, owner, me);
    }

    /** Slow path: a field past its probation is claimed; a touch by a second thread shares it. */
    private static boolean claim(Object[] table, int field, Object seen, Thread me) {
        Object owner = seen;
        if (owner == null) {
            int[] counts = probation;
            if (field < counts.length && counts[field] < PROBATION) {
                counts[field]++;
                Object[] first = firsts;
                if (first[field] == null) {
                    first[field] = me;
                } else if (first[field] != me) {
                    SLOT.setVolatile(table, field, SHARED);
                }
                return false;
            }
            if (SLOT.compareAndSet(table, field, null, me)) {
                return true;
            }
            owner = SLOT.getVolatile(table, field);
        }
        if (owner != SHARED) {
            SLOT.setVolatile(table, field, SHARED);
        }
        return false;
    }

    /** Whether field {@code field} has been touched by two threads; for the agent's account at exit. */
    public static boolean shared(int field) {
        Object[] table = owners;
        return field < table.length && SLOT.getVolatile(table, field) == SHARED;
    }
}
