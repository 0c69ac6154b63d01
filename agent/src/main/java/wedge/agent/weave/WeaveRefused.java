package wedge.agent.weave;

/**
 * An attached agent could not weave the classes already loaded; it undid what it wove, and the message says what
 * failed and why, for the attaching tool.
 */
public final class WeaveRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WeaveRefused(String message) {
        super(message);
    }
}
