package wedge.allocator;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One behaviour of the allocator that can be turned on or off. The first seven are the drain call sites of the
 * seed (ULTRATHINK_ANALYSIS.md §2), named as there; the rest are the fixes it proposes and its debug aids.
 */
public enum Switch {
    /** superslab_refill Priority 1: drain every slab of the TLS SuperSlab that has remote frees. */
    FIX1("fix1", "superslab_refill Priority 1: drain all slabs of the TLS SuperSlab, no ownership check"),
    /** hak_tiny_alloc_superslab: the same loop on every cache refill. */
    FIX2("fix2", "hak_tiny_alloc_superslab: drain all slabs of the TLS SuperSlab on refill, no ownership check"),
    /** tiny_refill.h:47: drain the last-used slab, then bind and claim it. */
    STICKY("sticky", "tiny_refill.h:47 sticky ring: drain the last-used slab, then bind + claim"),
    /** tiny_refill.h:65: drain the class's hot slab, then bind and claim it. */
    HOT("hot", "tiny_refill.h:65 hot slot: drain the hot slab, then bind + claim"),
    /** tiny_refill.h:80: drain the class's bench slab, then bind and claim it. */
    BENCH("bench", "tiny_refill.h:80 bench slot: drain the bench slab, then bind + claim"),
    /** tiny_refill.h:96 (Fix #3): bind and claim a mailbox slab, then drain it. */
    MAILBOX("mailbox", "tiny_refill.h:96 mailbox (Fix #3): bind + claim, then drain"),
    /** superslab_refill adopt: adopt a slab whose owner is gone, then drain it. */
    ADOPT("adopt", "superslab_refill adopt: claim a slab whose owner is gone, then drain"),
    /** Option B: fix1/fix2 drain only slabs whose owner is the caller (checked, then drained: not atomic). */
    OWNER_CHECK("owner-check", "Option B: fix1/fix2 check ownerTid == self before draining"),
    /** Option C: sticky/hot/bench claim the slab before draining it. */
    CLAIM_FIRST("claim-first", "Option C: sticky/hot/bench claim ownership before draining"),
    /**
     * The complete ownership protocol: ownership moves only by CAS from 0 (none), a thread releases its slabs when
     * it exits, and only a slab's exclusive owner ever drains or touches its freelist.
     */
    STRICT("strict-ownership", "complete protocol: claim only from none, release at exit, owner-only drain"),
    /**
     * The seed's HAKMEM_DEBUG_OWNERSHIP: a drain by a non-owner while a live owner exists throws, and so does a pop
     * from or a push onto a slab's freelist by a thread that does not own the slab.
     */
    ASSERT_OWNER("assert-owner", "debug: throw OwnershipViolation when a non-owner drains a slab with a live owner, "
            + "or pops or pushes a slab's freelist"),
    /** Track handed-out blocks so that freeing a block twice throws instead of corrupting. */
    CHECK_DOUBLE_FREE("check-double-free", "debug: throw on free of a block that is not allocated");

    private final String id;
    private final String description;

    Switch(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name users type, e.g. {@code fix1} or {@code claim-first}. */
    public String id() {
        return id;
    }

    /** One line saying what the switch does. */
    public String description() {
        return description;
    }

    /**
     * The switch a user named.
     *
     * @throws IllegalArgumentException naming the valid switches when {@code id} is none of them
     */
    public static Switch byId(String id) {
        for (Switch s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown switch '" + id + "'; valid switches: " + ids());
    }

    /** Every switch name, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(Switch::id).collect(Collectors.joining(", "));
    }
}
