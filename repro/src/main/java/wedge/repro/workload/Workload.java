package wedge.repro.workload;

/** A program that exercises the allocator for a while. */
public interface Workload {
    /** Runs to the end and returns what it did. */
    WorkloadResult run() throws InterruptedException;

    /** malloc and free calls so far; safe to call from any thread while it runs. */
    long ops();

    /** After {@link #run}: the heap's books against the blocks the workload holds, or null when it does not check. */
    default HeapCheck check() {
        return null;
    }
}
