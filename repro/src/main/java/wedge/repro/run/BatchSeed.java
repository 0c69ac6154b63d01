package wedge.repro.run;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import wedge.allocator.SegmentationFault;
import wedge.contract.AgentControl;
import wedge.contract.ExitStatus;

/**
 * One seed in a batch child, so that it means what the same seed means in a JVM of its own: the agent's run begins
 * fresh for it (ordinals, event ring, schedule, capture), its workload gets a fresh heap and fresh threads, and its
 * ending never leaks into the next seed.
 *
 * <p>A fault ends the seed: the agent (loaded with {@code on-fault=throw}) writes the seed's dump and the fault
 * escapes its thread; the seed's other threads are asked to stop, the agent's run ends (its held threads let go),
 * every thread of the seed is joined and the heap dropped. What leaves the JVM in doubt ends the batch after the
 * seed: a {@link VirtualMachineError} (out of memory, stack overflow) or a thread that will not stop. A hang ends it
 * too, as the agent's watchdog halts the JVM after the hang's dump.
 */
public final class BatchSeed {
    /** How long the seed's threads have to end once it is over; Larson's chains stop within one step. */
    private static final long STOP_MILLIS = 10_000;
    /** Frames shown of a thread that would not stop. */
    private static final int STACK_LINES = 12;

    /** What runs a seed's work on the calling thread, in the child. */
    public interface Task {
        /**
         * Runs the seed's work to its end.
         *
         * @return the exit status a one-run child would end with: 0, or the program's own
         * @throws InterruptedException when {@link #stop} ended it early
         */
        int run(SeedRequest request) throws Exception;

        /** Asks the work under way to end early: its threads finish their step and end. */
        void stop();

        /** Drops what the seed left (its heap), after its threads ended. */
        void close();
    }

    private BatchSeed() {
    }

    /**
     * Runs {@code request} with {@code task}, between the lines that mark its output on stdout and stderr.
     *
     * @return why the batch must end after this seed, or null when the JVM may take the next
     */
    public static String run(SeedRequest request, Task task) throws InterruptedException {
        long seed = request.seed();
        mark(BatchLines.begin(seed));
        long began = System.nanoTime();
        System.setProperty("wedge.replay", request.replay());
        int[] status = {0};
        if (request.agent() != null) {
            try {
                AgentControl.begin(request.agent());
            } catch (IllegalArgumentException | IllegalStateException e) {
                // what a one-run child's agent prints when it refuses its options at start-up, and its status
                System.err.println("wedge-agent: " + e.getMessage());
                mark(BatchLines.end(seed, 2, 0, null));
                return null;
            }
        }
        SeedThreads threads = new SeedThreads(seed);
        // "main", as in a JVM of its own: the thread that runs the work is named in the dump
        Thread body = threads.start("main", () -> status[0] = work(task, request));
        threads.awaitEnd();
        Throwable escaped = threads.escaped();
        if (escaped != null) {
            task.stop();
            body.interrupt();
        }
        // the dump a fault's capture wrote: a fault of any type the agent captures ends a one-run child with 139
        String dump = null;
        if (request.agent() != null) {
            dump = AgentControl.end();
            // the agent names, in this seed's output, the declared points and fault types it never armed: a seed
            // that tested less than it asked for is never clean
            AgentControl.unmatched();
        }
        Thread[] alive = threads.join(STOP_MILLIS);
        task.close();
        int ended = escaped == null ? status[0]
                : escaped instanceof SegmentationFault || dump != null ? ExitStatus.FAULT : ExitStatus.ABORT;
        String doubt = escaped instanceof VirtualMachineError ? "a " + escaped.getClass().getSimpleName()
                + " leaves the JVM in doubt"
                : alive.length > 0 ? stuck(alive) : null;
        mark(BatchLines.end(seed, ended, TimeUnit.NANOSECONDS.toMillis(threads.endedNanos() - began), doubt));
        return doubt;
    }

    /** Says where the threads that would not stop are, on stderr, and returns the reason the batch ends. */
    private static String stuck(Thread[] alive) {
        PrintStream err = System.err;
        synchronized (err) {
            for (Thread t : alive) {
                err.println("wedge-batch: thread " + t.getName() + " did not stop:");
                Arrays.stream(t.getStackTrace()).limit(STACK_LINES).forEach(f -> err.println("\tat " + f));
            }
            err.flush();
        }
        return "thread(s) " + Arrays.stream(alive).map(Thread::getName).toList() + " did not stop within "
                + STOP_MILLIS / 1000 + " s of the seed's end";
    }

    private static int work(Task task, SeedRequest request) {
        try {
            return task.run(request);
        } catch (InterruptedException e) {
            return 0; // stopped because an exception escaped another thread: that exception is the seed's ending
        } catch (Exception e) {
            // as a one-run child's command line reports an exception of its main and exits 1; an Error escapes the
            // thread instead, and may end the batch
            e.printStackTrace();
            return 1;
        }
    }

    private static void mark(String line) {
        System.out.println(line);
        System.out.flush();
        PrintStream err = System.err;
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
