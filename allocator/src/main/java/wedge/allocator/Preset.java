package wedge.allocator;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static wedge.allocator.Switch.ADOPT;
import static wedge.allocator.Switch.BENCH;
import static wedge.allocator.Switch.CLAIM_FIRST;
import static wedge.allocator.Switch.FIX1;
import static wedge.allocator.Switch.FIX2;
import static wedge.allocator.Switch.HOT;
import static wedge.allocator.Switch.MAILBOX;
import static wedge.allocator.Switch.OWNER_CHECK;
import static wedge.allocator.Switch.STICKY;
import static wedge.allocator.Switch.STRICT;

/** Named sets of switches: the seed's code as it was, each fix it proposes, and a complete protocol. */
public enum Preset {
    /** Every drain site as in the seed. */
    BUGGY("buggy", EnumSet.of(FIX1, FIX2, STICKY, HOT, BENCH, MAILBOX, ADOPT)),
    /** Option A: fix1 and fix2 removed. */
    OPTION_A("option-a", EnumSet.of(STICKY, HOT, BENCH, MAILBOX, ADOPT)),
    /** Option B: fix1 and fix2 check the owner before draining (the seed calls this "still racy"). */
    OPTION_B("option-b", EnumSet.of(FIX1, FIX2, STICKY, HOT, BENCH, MAILBOX, ADOPT, OWNER_CHECK)),
    /** Option C: sticky, hot and bench claim before draining. */
    OPTION_C("option-c", EnumSet.of(FIX1, FIX2, STICKY, HOT, BENCH, MAILBOX, ADOPT, CLAIM_FIRST)),
    /** Options A and C together: the seed's recommendation. */
    OPTION_AC("option-ac", EnumSet.of(STICKY, HOT, BENCH, MAILBOX, ADOPT, CLAIM_FIRST)),
    /** The complete ownership protocol; see {@link Switch#STRICT}. */
    STRICT_PRESET("strict", EnumSet.of(STICKY, HOT, BENCH, MAILBOX, ADOPT, CLAIM_FIRST, STRICT));

    private final String id;
    private final Set<Switch> switches;

    Preset(String id, Set<Switch> switches) {
        this.id = id;
        this.switches = switches;
    }

    /** The name users type, e.g. {@code option-ac}. */
    public String id() {
        return id;
    }

    /** The switches this preset turns on; all others are off. */
    public Set<Switch> switches() {
        return EnumSet.copyOf(switches);
    }

    /**
     * The preset a user named.
     *
     * @throws IllegalArgumentException naming the valid presets when {@code id} is none of them
     */
    public static Preset byId(String id) {
        for (Preset p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + id + "'; valid presets: " + ids());
    }

    /** Every preset name, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "));
    }
}
