package wedge.repro.minimize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Delta debugging, ddmin (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input", TSE 2002):
 * shrinks a list whose elements together make a test fail to a 1-minimal one, where removing any single element
 * makes it pass, by testing ever finer chunks and their complements.
 *
 * <p>The candidates of one round are tested {@code parallel} at a time, in order, and the first that fails wins, so
 * the result is the one a sequential ddmin finds; a batch may test a candidate the sequential one would have
 * skipped.
 *
 * @param <T> the elements: here, the steps of a schedule
 */
public final class Ddmin<T> {
    private final Predicate<List<T>> fails;
    private final Budget budget;
    private final int parallel;
    private final Map<List<T>, Boolean> seen = new HashMap<>();
    private int tests;

    /**
     * @param fails    the test: whether this subsequence still fails the same way; never asked about an empty one;
     *                 called from up to {@code parallel} threads at once
     * @param budget   how many tests it may run, and until when; past that it returns the smallest failing list
     *                 found so far
     * @param parallel how many tests run at once, at least 1
     */
    public Ddmin(Predicate<List<T>> fails, Budget budget, int parallel) {
        this.fails = fails;
        this.budget = budget;
        this.parallel = parallel;
    }

    /** The tests run so far (a subsequence tested twice counts once). */
    public int tests() {
        return tests;
    }

    /** Whether {@code candidate} fails; each distinct candidate is tested once. */
    public boolean check(List<T> candidate) {
        return firstFailing(List.of(candidate)) != null;
    }

    /**
     * A 1-minimal failing subsequence of {@code input}, which must fail (see {@link #check}), or the smallest found
     * when the budget ran out; each smaller failing one goes to {@code smaller} as it is found, so a search cut
     * short by its caller keeps its best.
     */
    public List<T> minimize(List<T> input, Consumer<List<T>> smaller) {
        List<T> c = List.copyOf(input);
        int n = 2;
        while (c.size() >= 2 && budget.allows(tests)) {
            List<List<T>> chunks = split(c, n);
            List<T> next = firstFailing(chunks);
            if (next != null) {
                n = 2;
            } else if (n > 2) {
                List<List<T>> complements = new ArrayList<>();
                for (int i = 0; i < chunks.size(); i++) {
                    complements.add(complement(chunks, i));
                }
                next = firstFailing(complements);
                if (next != null) {
                    n = Math.max(n - 1, 2);
                }
            }
            if (next != null) {
                c = next;
                smaller.accept(c);
            } else if (n >= c.size()) {
                break;
            } else {
                n = Math.min(c.size(), 2 * n);
            }
        }
        return c;
    }

    /** The first of {@code candidates} that fails, or null; tests them in batches of {@code parallel}. */
    private List<T> firstFailing(List<List<T>> candidates) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            for (int start = 0; start < candidates.size(); start += parallel) {
                List<List<T>> batch = candidates.subList(start, Math.min(candidates.size(), start + parallel));
                Map<List<T>, CompletableFuture<Boolean>> running = new HashMap<>();
                for (List<T> c : batch) {
                    if (!seen.containsKey(c) && !running.containsKey(c) && budget.allows(tests)) {
                        tests++;
                        running.put(c, CompletableFuture.supplyAsync(() -> fails.test(c), pool));
                    }
                }
                running.forEach((c, result) -> seen.put(c, result.join()));
                for (List<T> c : batch) {
                    if (Boolean.TRUE.equals(seen.get(c))) {
                        return c;
                    }
                }
            }
            return null;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<List<T>> split(List<T> c, int n) {
        List<List<T>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (c.size() - start) / (n - i);
            chunks.add(List.copyOf(c.subList(start, end)));
            start = end;
        }
        return chunks;
    }

    private static <T> List<T> complement(List<List<T>> chunks, int skip) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (i != skip) {
                out.addAll(chunks.get(i));
            }
        }
        return List.copyOf(out);
    }
}
