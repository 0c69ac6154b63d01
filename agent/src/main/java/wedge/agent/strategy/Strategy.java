package wedge.agent.strategy;

import wedge.agent.runtime.ThreadState;

/**
 * What an armed point does to the thread passing it, besides recording the event: nothing, pause it, or (in
 * strategies to come) schedule it. Called on the passing thread; may block it.
 */
public interface Strategy {
    /**
     * The calling thread is at point {@code point}.
     *
     * @param thread the calling thread's state
     * @param point  point id
     * @param hit    how many points this thread passed before this one; with the seed, the thread's ordinal and
     *               the point id it identifies the decision uniquely
     */
    void at(ThreadState thread, int point, long hit);
}
