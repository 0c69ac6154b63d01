package wedge.repro.workload;

import java.util.List;

import wedge.allocator.TinyHeap;

/** The built-in workloads by name, each on a heap of its own. */
public final class Workloads {
    /** The names {@link #create} knows. */
    public static final List<String> NAMES = List.of("larson", "xthread", "scenario");

    private Workloads() {
    }

    /**
     * Workload {@code name} on {@code heap}, a new heap of the allocator.
     *
     * @param larsonArgs Larson's seven numbers ({@code sleep_cnt min max chperthread rounds seed threads})
     * @throws IllegalArgumentException for an unknown name or bad Larson arguments
     */
    public static Workload create(String name, TinyHeap heap, List<String> larsonArgs, int threads, int seconds,
                                  long seed) {
        return switch (name) {
            case "larson" -> new Larson(heap, LarsonArgs.parse(larsonArgs));
            case "xthread" -> new XThread(heap, threads, seconds, seed);
            case "scenario" -> new Scenario(heap);
            default -> throw new IllegalArgumentException("unknown workload '" + name + "'; valid workloads: "
                    + String.join(", ", NAMES));
        };
    }
}
