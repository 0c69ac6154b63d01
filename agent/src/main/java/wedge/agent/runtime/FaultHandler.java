package wedge.agent.runtime;

/** Receives faults from the {@link Dispatcher}: the capture machinery, kept behind this seam. */
public interface FaultHandler {
    /** The calling thread has begun to construct an instance of the fault type. */
    void onFaultEntered();

    /** {@code fault}, an instance of the fault type, was just constructed by the calling thread. */
    void onFault(Throwable fault, ThreadState thread);

    /**
     * {@code fault} escaped the calling thread's {@code run} (or {@code main}) uncaught, in a run that names no fault
     * type; {@code rule} says which rule makes it a fault, as the dump records it.
     */
    void onUncaught(Throwable fault, ThreadState thread, String rule);
}
