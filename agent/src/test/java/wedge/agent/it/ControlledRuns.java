package wedge.agent.it;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import wedge.allocator.AllocatorConfig;
import wedge.allocator.TinyHeap;

/**
 * Starts runs in-process through the agent's control, as a test harness does; run by {@link ControlIT} in a child
 * JVM that loaded the agent with {@code on-fault=throw}.
 *
 * <p>Arguments: {@code otherPointsFile seed...}. For each seed, a run of the buggy cross-free workload until a worker
 * dies (or 20 s), printing {@code run SEED dump=PATH|null}; then a run that names other points, printing
 * {@code refused: MESSAGE}.
 */
public final class ControlledRuns {
    private static final long RUN_NANOS = TimeUnit.SECONDS.toNanos(20);

    private ControlledRuns() {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 1; i < args.length; i++) {
            long seed = Long.parseLong(args[i]);
            Control.call("begin", "seed=" + seed);
            TinyHeap heap = new TinyHeap(AllocatorConfig.preset("buggy"));
            AtomicLongArray[] arrays = CrossFreeWorkload.arrays(4);
            long end = System.nanoTime() + RUN_NANOS;
            for (int r = 0; !CrossFreeWorkload.round(heap, arrays, r, 20_000, seed) && System.nanoTime() < end; r++) {
                // rounds until a worker dies or the time is up
            }
            System.out.println("run " + seed + " dump=" + Control.call("end", null));
        }
        try {
            Control.call("begin", "points=" + args[0]);
            System.out.println("accepted other points");
        } catch (IllegalArgumentException e) {
            System.out.println("refused: " + e.getMessage());
        }
        System.out.println("done");
    }

    /** The agent's control, by reflection through the bootstrap class loader, as a harness reaches it. */
    private static final class Control {
        static Object call(String method, String argument) throws Exception {
            Class<?> c = Class.forName("wedge.agent.bootstrap.Control", true, null);
            try {
                return argument == null ? c.getMethod(method).invoke(null)
                        : c.getMethod(method, String.class).invoke(null, argument);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
        }
    }
}
