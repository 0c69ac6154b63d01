package wedge.agent.bootstrap;

/**
 * What woven code reports to: implemented by the agent, reached only through {@link Hooks}.
 *
 * <p>Lives on the bootstrap class path with {@link Hooks}, so its signature uses only {@code Object}, {@code String}
 * and primitives: the agent's own types are invisible from there.
 */
public interface Sink {
    /**
     * A thread passed a point whose access has already happened (field read, call site, method entry).
     *
     * @param subject the object the event is about (field owner, receiver), or null
     * @param value   the value read, returned or chosen as the point's value
     * @param point   the point's id in the agent's point table
     * @param site    the enclosing method, as {@code Method#toString()} renders it
     */
    void after(Object subject, long value, int point, String site);

    /** A thread is about to perform a point's access (field write, method exit); same parameters as {@link #after}. */
    void before(Object subject, long value, int point, String site);

    /**
     * The calling thread is about to start {@code child} (a {@code java.lang.Thread}); reported only when the
     * strategy schedules threads.
     */
    void threadStart(Object child);

    /** The calling thread has begun to construct an instance of the configured fault type. */
    void faultEntered();

    /** An instance of the configured fault type has just been constructed, in the thread that will throw it. */
    void fault(Object fault);

    /**
     * One of the JDK's usual suspects ({@code NullPointerException} and the like) has just been constructed, in a run
     * that names no fault type; it is a fault only if it escapes its thread uncaught.
     */
    void thrown(Object exception);

    /** {@code Runtime.exit(status)} was called, in a run that names no fault type. */
    void exiting(int status);

    /** Events recorded so far; a status figure for people and tests. */
    long events();
}
