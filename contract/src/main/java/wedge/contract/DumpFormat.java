package wedge.contract;

/**
 * The names of the dump format, which every dump states in its {@code format} field; docs/DUMP-FORMAT.md describes
 * it. The agent writes {@link #CURRENT}; the reader also reads {@link #PREVIOUS}.
 */
public final class DumpFormat {
    /** The format the agent writes: every key of the dump, the allocator's snapshot included, in lowerCamelCase. */
    public static final String CURRENT = "wedge-dump/2";
    /** The format before it, still read: the same but for the allocator snapshot's keys, then in snake_case. */
    public static final String PREVIOUS = "wedge-dump/1";

    private DumpFormat() {
    }
}
