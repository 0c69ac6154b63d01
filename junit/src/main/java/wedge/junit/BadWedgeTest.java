package wedge.junit;

/**
 * A {@link WedgeTest} that cannot run as written: a bad attribute, or an agent that cannot be loaded. Its message
 * is the whole story (the attribute, its value, what would be valid), so it carries no stack trace of the
 * extension's internals.
 */
public final class BadWedgeTest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadWedgeTest(String message) {
        super(message, null, false, false);
    }
}
