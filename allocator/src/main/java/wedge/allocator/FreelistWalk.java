package wedge.allocator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import wedge.contract.Hex;

/**
 * A validated walk of an intrusive list of blocks (a slab's freelist, a remote queue, a thread cache) that never
 * faults: each link is checked before it is followed, and the walk stops at the first link that leaves the
 * memory the list may hold, is misaligned for the class, points past the carved blocks, or repeats.
 */
final class FreelistWalk {
    /** How many addresses are kept from the start of the list, and from just before a break. */
    private static final int KEPT = 8;

    /** Why an address may not be on the list, or null when it may. */
    @FunctionalInterface
    interface Rule {
        String reject(long address);
    }

    final long head;
    int length;
    final List<Long> prefix = new ArrayList<>();
    private final Deque<Long> beforeBreak = new ArrayDeque<>();
    /** Position (0 = head) and address of the first bad link, and why; reason null when the list is sound. */
    int brokenAt = -1;
    long brokenAddress;
    String reason;

    private FreelistWalk(long head) {
        this.head = head;
    }

    /** Walks the list from {@code head}, giving up after {@code limit} blocks (a list can never be longer). */
    static FreelistWalk walk(AddressSpace memory, long head, Rule rule, int limit) {
        FreelistWalk w = new FreelistWalk(head);
        Set<Long> seen = new HashSet<>();
        long p = head;
        while (p != 0) {
            String bad = rule.reject(p);
            if (bad == null && !seen.add(p)) {
                bad = "repeats: the list loops back to a block already on it";
            }
            if (bad == null && w.length >= limit) {
                bad = "too long: more blocks than the slab holds";
            }
            if (bad != null) {
                w.brokenAt = w.length;
                w.brokenAddress = p;
                w.reason = bad;
                return w;
            }
            if (w.prefix.size() < KEPT) {
                w.prefix.add(p);
            }
            w.beforeBreak.addLast(p);
            if (w.beforeBreak.size() > KEPT) {
                w.beforeBreak.removeFirst();
            }
            w.length++;
            p = memory.load8(p);
        }
        return w;
    }

    /** The rule for lists of one slab's blocks: inside the slab, aligned, carved. */
    static Rule inSlab(AddressSpace memory, TinySlabMeta m) {
        return p -> {
            if (p < m.base || p >= m.end()) {
                return memory.isMapped(p, 8) ? "leaves the slab" : "unmapped address";
            }
            long off = p - m.base;
            if ((off & (m.blockSize - 1)) != 0) {
                return "misaligned: " + (off & (m.blockSize - 1)) + " bytes into a " + m.blockSize + " B block";
            }
            return off / m.blockSize >= m.carved ? "beyond the carved blocks" : null;
        };
    }

    boolean broken() {
        return reason != null;
    }

    /** The walk as plain data. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("head", Hex.of(head));
        m.put("length", length);
        m.put("first", prefix.stream().map(Hex::of).toList());
        if (broken()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("position", brokenAt);
            b.put("address", Hex.of(brokenAddress));
            b.put("reason", reason);
            b.put("before", beforeBreak.stream().map(Hex::of).toList());
            m.put("broken", b);
        }
        return m;
    }
}
