package wedge.agent.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Assigns agent thread ordinals in the order threads first pass a point, and remembers every such thread.
 *
 * <p>The allocator numbers its threads its own way; dumps carry both, and the agent's ordinals are what noise
 * decisions are keyed on.
 */
public final class ThreadRegistry {
    private final AtomicInteger nextOrdinal = new AtomicInteger(1);
    private final Queue<ThreadState> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<ThreadState> current = ThreadLocal.withInitial(this::register);

    /** The calling thread's state, registered on first use. */
    public ThreadState current() {
        return current.get();
    }

    /** Every thread that ever passed a point, in ordinal order. */
    public List<ThreadState> all() {
        List<ThreadState> list = new ArrayList<>(all);
        list.sort((a, b) -> Integer.compare(a.ordinal, b.ordinal));
        return list;
    }

    /** The state of {@code t} if it has passed a point, else null. */
    public ThreadState find(Thread t) {
        for (ThreadState s : all) {
            if (s.thread == t) {
                return s;
            }
        }
        return null;
    }

    private ThreadState register() {
        ThreadState s = new ThreadState(nextOrdinal.getAndIncrement(), Thread.currentThread());
        all.add(s);
        return s;
    }
}
