package wedge.agent.log;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The agent's own logging: lines prefixed {@code wedge-agent:} to stderr or a file.
 *
 * <p>Deliberately not a logging framework: the agent lives inside someone else's application and must not
 * initialise, configure or compete with theirs.
 */
public final class Log {
    private static volatile LogLevel level = LogLevel.INFO;
    private static volatile PrintStream out = System.err;

    private Log() {
    }

    /**
     * Sets the level and the destination.
     *
     * @param newLevel lines above this level are dropped
     * @param file     a file to append to, or null for stderr
     * @throws IOException when the file cannot be opened
     */
    public static void configure(LogLevel newLevel, String file) throws IOException {
        if (file != null) {
            out = new PrintStream(new FileOutputStream(file, true), true, StandardCharsets.UTF_8);
        }
        level = newLevel;
    }

    public static void error(String message) {
        write(LogLevel.ERROR, message);
    }

    public static void warn(String message) {
        write(LogLevel.WARN, message);
    }

    public static void info(String message) {
        write(LogLevel.INFO, message);
    }

    public static void debug(String message) {
        write(LogLevel.DEBUG, message);
    }

    /** Whether lines of {@code l} are written; lets callers skip building expensive messages. */
    public static boolean enabled(LogLevel l) {
        return l != LogLevel.OFF && l.compareTo(level) <= 0;
    }

    private static void write(LogLevel l, String message) {
        if (enabled(l)) {
            PrintStream o = out;
            o.println("wedge-agent: " + message);
            o.flush();
        }
    }
}
