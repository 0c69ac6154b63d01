package wedge.repro.workload;

/** A program that exercises the allocator for a while. */
public interface Workload {
    /** Runs to the end and returns what it did. */
    WorkloadResult run() throws InterruptedException;

    /**
     * Asks a run under way to end early, from any thread: its threads finish the step they are in and end. A batch
     * child calls it when another thread of the seed faulted, and interrupts the thread in {@link #run}.
     */
    void stop();

    /** malloc and free calls so far; safe to call from any thread while it runs. */
    long ops();

    /** After {@link #run}: the heap's books against the blocks the workload holds, or null when it does not check. */
    default HeapCheck check() {
        return null;
    }
}
