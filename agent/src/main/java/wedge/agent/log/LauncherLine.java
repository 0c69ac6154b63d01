package wedge.agent.log;

import java.io.PrintStream;

/**
 * A line on stderr for the launcher, printed whatever {@code log} and {@code log-file} say ({@code wedge-agent:
 * dump-written ...}, {@code wedge-agent: discovered-written ...}). Quoted values are escaped as JSON strings
 * ({@code \"}, {@code \\}, control characters as {@code \}{@code uXXXX}), so a launcher can parse the line whatever
 * a path or reason holds. docs/AGENT.md documents each line.
 */
public final class LauncherLine {
    private LauncherLine() {
    }

    /** Prints {@code wedge-agent: LINE} on stderr, flushed. */
    public static void print(String line) {
        PrintStream err = System.err;
        err.println("wedge-agent: " + line);
        err.flush();
    }

    /** {@code s} in double quotes, escaped as a JSON string. */
    public static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
