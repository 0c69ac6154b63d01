package wedge.agent.hunt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import wedge.agent.runtime.ThreadState;

/**
 * A thread paused at an access of one field of one object, waiting to catch another thread touching the same
 * field of the same object (TSVD's trap). The first such access wins; it is what the report's other side shows.
 */
final class Trap {
    private static final VarHandle CAUGHT;

    static {
        try {
            CAUGHT = MethodHandles.lookup().findVarHandle(Trap.class, "caught", Side.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final ThreadState thread;
    final Object subject;
    final int field;
    final Location at;
    final boolean write;
    @SuppressWarnings("unused") // through CAUGHT
    private volatile Side caught;

    Trap(ThreadState thread, Object subject, int field, Location at, boolean write) {
        this.thread = thread;
        this.subject = subject;
        this.field = field;
        this.at = at;
        this.write = write;
    }

    /** Whether an access by {@code other} of {@code field} of {@code s}, a write or not, conflicts with this trap. */
    boolean conflicts(ThreadState other, Object s, int f, boolean otherWrite) {
        return other != thread && s == subject && f == field && (write || otherWrite);
    }

    /** Offers a conflicting access; the first one offered is kept. Its stack is taken only if it is kept. */
    void offer(ThreadState other, Location where, boolean otherWrite, long value) {
        if (caught == null) {
            Side side = new Side(other, where, otherWrite, value, System.nanoTime(), new Throwable().getStackTrace());
            CAUGHT.compareAndSet(this, null, side);
        }
    }

    /** The access caught, or null. */
    Side caught() {
        return caught;
    }

    /** One side of a race: who, where, what. */
    record Side(ThreadState thread, Location at, boolean write, long value, long nanos, StackTraceElement[] stack) {
    }
}
