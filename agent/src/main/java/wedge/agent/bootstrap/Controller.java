package wedge.agent.bootstrap;

/**
 * The agent's side of {@link Control}. Lives on the bootstrap class path with it, so its signature uses only
 * {@code String}: the agent's own types are invisible from there.
 */
public interface Controller {
    /**
     * Ends the current run, if any, and starts a new one.
     *
     * @param options agent options ({@code seed=7,strategy=noise,p=0.05}) put over those the agent was loaded with
     * @throws IllegalArgumentException naming the bad option, when {@code options} are invalid or ask for what cannot
     *                                  change within a JVM ({@code points}, {@code fault-type})
     * @throws IllegalStateException    when the agent was loaded with its points disarmed
     */
    void begin(String options);

    /**
     * Ends the current run: waits for a capture under way to finish, then disarms the points (they record and pause
     * nothing, faults are not captured) until the next {@link #begin}.
     *
     * @return the path of the dump the run wrote, or null when it wrote none (or no run was under way)
     */
    String end();

    /**
     * Whether the runs so far were armed as the profile asks: which declared points never matched a loaded class
     * and member, and which fault types are no loadable exception class. Under {@code unmatched=warn} these are
     * logged as a warning and this returns null.
     *
     * @return one line per kind ({@code points:unmatched NAME (why); ...}, {@code fault-type:unknown TYPE (why)}),
     *         or null when nothing was missed
     */
    String unmatched();
}
