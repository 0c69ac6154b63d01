package wedge.agent.schedule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wedge.agent.strategy.SplitMix64;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010): every thread gets a
 * random priority of at least d when it joins; the highest-priority waiting thread runs; at each of d-1 change points,
 * drawn from 1..k, the running thread drops to priority i (the i-th change point), below every initial priority. A
 * bug of depth d is found with probability at least 1/(n k^(d-1)).
 *
 * <p>Priorities of joining threads come from (seed, ordinal), so threads that start during the run (Larson's
 * successors) get theirs deterministically; ties, improbable, go to the lower ordinal.
 */
final class Pct implements Search {
    private final long seed;
    private final int depth;
    private final long steps;
    private final long[] changePoints;

    /**
     * @param depth d, at least 1
     * @param steps k, the expected number of decisions
     */
    Pct(long seed, int depth, long steps) {
        this.seed = seed;
        this.depth = depth;
        this.steps = steps;
        this.changePoints = new long[depth - 1];
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = 1 + Long.remainderUnsigned(SplitMix64.combine(~seed, i), steps);
        }
    }

    @Override
    public void joined(Member m) {
        m.priority = depth + (SplitMix64.combine(seed, m.state.ordinal) >>> 2);
    }

    @Override
    public Member pick(List<Member> ready, List<Member> all, Member from, long decision) {
        for (int i = 0; i < changePoints.length; i++) {
            if (changePoints[i] == decision && from != null) {
                from.priority = i + 1;
            }
        }
        Member best = ready.get(0);
        for (Member m : ready) {
            if (m.priority > best.priority) {
                best = m;
            }
        }
        return best;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search", "pct");
        m.put("depth", depth);
        m.put("steps", steps);
        m.put("changePoints", Arrays.stream(changePoints).sorted().boxed().toList());
        return m;
    }
}
