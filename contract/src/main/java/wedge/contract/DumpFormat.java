package wedge.contract;

/**
 * The name of the dump format, which every dump states in its {@code format} field; docs/DUMP-FORMAT.md describes
 * it.
 */
public final class DumpFormat {
    /** The format the agent writes. */
    public static final String CURRENT = "wedge-dump/1";

    private DumpFormat() {
    }
}
