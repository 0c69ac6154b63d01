package wedge.agent.runtime;

/** Receives faults from the {@link Dispatcher}: the capture machinery, kept behind this seam. */
public interface FaultHandler {
    /** The calling thread has begun to construct an instance of the fault type. */
    void onFaultEntered();

    /** {@code fault}, an instance of the fault type, was just constructed by the calling thread. */
    void onFault(Throwable fault, ThreadState thread);

    /**
     * {@code fault} escaped the calling thread's {@code run} (or {@code main}) uncaught, in a run that names no fault
     * type.
     *
     * @param thrown where the thread stood when it made {@code fault}, if it is one of the JDK's usual suspects;
     *               else null
     */
    void onUncaught(Throwable fault, ThreadState thread, Thrown thrown);

    /** The calling thread asked the JVM to exit with {@code status}, not 0, in a run that names no fault type. */
    void onExit(int status, ThreadState thread);
}
