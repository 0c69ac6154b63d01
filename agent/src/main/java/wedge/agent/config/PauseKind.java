package wedge.agent.config;

import java.util.concurrent.locks.LockSupport;

/** How a thread waits when the noise strategy pauses it. */
public enum PauseKind {
    /** Busy-waits on the CPU: keeps the thread scheduled, so the window widens without a context switch. */
    SPIN("spin") {
        @Override
        public void pause(long nanos) {
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() - end < 0) {
                Thread.onSpinWait();
            }
        }
    },
    /** Yields the CPU until the duration has passed: other runnable threads get it first. */
    YIELD("yield") {
        @Override
        public void pause(long nanos) {
            long end = System.nanoTime() + nanos;
            do {
                Thread.yield();
            } while (System.nanoTime() - end < 0);
        }
    },
    /** Parks: the thread leaves the CPU for the duration, the widest window on few cores. */
    PARK("park") {
        @Override
        public void pause(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    };

    private final String id;

    PauseKind(String id) {
        this.id = id;
    }

    /** Waits about {@code nanos} nanoseconds. */
    public abstract void pause(long nanos);

    /** The name users type. */
    public String id() {
        return id;
    }

    /** The kind named {@code id}, or null. */
    public static PauseKind byId(String id) {
        for (PauseKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        return null;
    }
}
