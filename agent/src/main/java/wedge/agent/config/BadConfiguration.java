package wedge.agent.config;

/**
 * A user error in the agent's options or point file. Its message is the single line printed before the JVM stops
 * with status 2: it names the option (or file and line) and says what would be valid.
 */
public final class BadConfiguration extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param oneLine the whole message, without a trailing newline */
    public BadConfiguration(String oneLine) {
        super(oneLine, null, false, false);
    }
}
