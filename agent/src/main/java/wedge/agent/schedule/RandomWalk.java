package wedge.agent.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wedge.agent.strategy.SplitMix64;

/** At every decision, a thread drawn uniformly from those waiting, by a hash of (seed, decision). */
final class RandomWalk implements Search {
    private final long seed;

    RandomWalk(long seed) {
        this.seed = seed;
    }

    @Override
    public Member pick(List<Member> ready, List<Member> all, Member from, long decision) {
        return ready.get((int) Long.remainderUnsigned(SplitMix64.combine(seed, decision), ready.size()));
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search", "random");
        return m;
    }
}
