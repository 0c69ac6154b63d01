package wedge.allocator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The seed's debug counters (§6.2), kept on the drain path only, so they cost nothing on malloc/free. */
public final class Counters {
    final LongAdder drains = new LongAdder();
    final LongAdder nonOwnerDrains = new LongAdder();
    final LongAdder ownershipViolations = new LongAdder();
    final LongAdder concurrentDrains = new LongAdder();

    /** Drains that found a non-empty remote queue. */
    public long drains() {
        return drains.sum();
    }

    /** Drains by a thread that was not the slab's owner. */
    public long nonOwnerDrains() {
        return nonOwnerDrains.sum();
    }

    /** Drains by a non-owner while the slab's owner was a live thread. */
    public long ownershipViolations() {
        return ownershipViolations.sum();
    }

    /** Drains that began while another drain of the same slab was in progress. */
    public long concurrentDrains() {
        return concurrentDrains.sum();
    }

    /** The counters as plain data, for snapshots. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("drains", drains());
        m.put("nonOwnerDrains", nonOwnerDrains());
        m.put("ownershipViolations", ownershipViolations());
        m.put("concurrentDrains", concurrentDrains());
        return m;
    }
}
