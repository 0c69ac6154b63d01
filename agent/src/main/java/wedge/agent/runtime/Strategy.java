package wedge.agent.runtime;

import java.util.Map;

/**
 * What an armed point does to the thread passing it, besides recording the event: nothing, pause it, or schedule
 * it. Called on the passing thread; may block it.
 */
public interface Strategy {
    /**
     * The calling thread is at point {@code point}.
     *
     * @param thread  the calling thread's state
     * @param point   point id
     * @param hit     how many points this thread passed before this one; with the seed, the thread's ordinal and
     *                the point id it identifies the decision uniquely
     * @param subject the point's subject (field owner, receiver), or null
     * @param value   the point's value (read, about to be written, returned)
     * @param site    the enclosing method, as {@code Method#toString()} renders it
     */
    void at(ThreadState thread, int point, long hit, Object subject, long value, String site);

    /**
     * Thread {@code parent}, which has passed points, is starting thread {@code child}: called in the parent, before
     * the child runs. Only scheduling strategies ({@code StrategyKind#schedules()}) hear of it.
     */
    default void threadStarting(ThreadState parent, ThreadState child) {
    }

    /** What a dump records of the schedule this strategy made, as plain data; null when it makes none. */
    default Map<String, Object> record() {
        return null;
    }

    /** What a dump records of what this strategy learned and injected ({@code hunt}), as plain data; else null. */
    default Map<String, Object> learned() {
        return null;
    }

    /**
     * The run is over (its end, the JVM's exit, or just before the agent halts the JVM): stop whatever threads of
     * its own the strategy started, and keep what must outlive the run. May be called more than once.
     */
    default void close() {
    }

    /**
     * The run is over and the JVM goes on to another ({@code Control.end}): let every thread the strategy holds go
     * on, unheld, so that the harness can stop and join them. Not at the JVM's exit, where held threads stay held so
     * that nothing runs unscheduled while the JVM ends.
     */
    default void release() {
    }
}
