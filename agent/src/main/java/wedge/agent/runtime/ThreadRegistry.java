package wedge.agent.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Assigns agent thread ordinals and remembers every thread that has one: a thread gets its ordinal when it first
 * passes a point, or earlier, when a scheduling strategy announces it as it is started ({@link #announce}).
 *
 * <p>The allocator numbers its threads its own way; dumps carry both, and the agent's ordinals are what noise
 * decisions are keyed on. Under a scheduling strategy only one thread runs at a time and announcements happen in the
 * running thread, so ordinals follow the schedule.
 */
public final class ThreadRegistry {
    private final int logCapacity;
    private final AtomicInteger nextOrdinal = new AtomicInteger(1);
    private final Queue<ThreadState> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<ThreadState> current = new ThreadLocal<>();
    private final ThreadLocal<Boolean> registering = new ThreadLocal<>();
    /** Announced threads that have not yet asked for their state; keyed by identity (Thread keeps Object's). */
    private final Map<Thread, ThreadState> announced = new ConcurrentHashMap<>();

    /** A registry whose threads each keep their last {@code logCapacity} events. */
    public ThreadRegistry(int logCapacity) {
        this.logCapacity = logCapacity;
    }

    /**
     * The calling thread's state, registered on first use; null for the agent's own threads ({@link AgentThread}),
     * and while the calling thread registers: registering may load classes, and loading a class may pass a point
     * (one in a JDK class), which must then be skipped rather than register the thread twice.
     */
    public ThreadState current() {
        ThreadState s = current.get();
        return s != null ? s : registerCurrent();
    }

    private ThreadState registerCurrent() {
        if (AgentThread.current() || registering.get() != null) {
            return null;
        }
        registering.set(Boolean.TRUE);
        try {
            ThreadState s = announced.remove(Thread.currentThread());
            if (s == null) {
                s = register(Thread.currentThread());
            }
            current.set(s);
            return s;
        } finally {
            registering.remove();
        }
    }

    /** The calling thread's state, or null when it has none yet (it never passed a point). */
    public ThreadState peek() {
        return current.get();
    }

    /** Gives thread {@code t}, not yet started, its ordinal now; it finds its state when it first passes a point. */
    public ThreadState announce(Thread t) {
        ThreadState s = register(t);
        announced.put(t, s);
        return s;
    }

    /** Every thread that has an ordinal, in ordinal order. */
    public List<ThreadState> all() {
        List<ThreadState> list = new ArrayList<>(all);
        list.sort((a, b) -> Integer.compare(a.ordinal, b.ordinal));
        return list;
    }

    /** The state of {@code t} if it has an ordinal, else null. */
    public ThreadState find(Thread t) {
        for (ThreadState s : all) {
            if (s.thread == t) {
                return s;
            }
        }
        return null;
    }

    private ThreadState register(Thread t) {
        ThreadState s = new ThreadState(nextOrdinal.getAndIncrement(), t, logCapacity);
        all.add(s);
        return s;
    }
}
