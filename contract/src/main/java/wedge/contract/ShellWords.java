package wedge.contract;

import java.util.List;
import java.util.regex.Pattern;

/** Command lines as a POSIX shell reads them: what the tools print pastes into a shell as is. */
public final class ShellWords {
    /** Words a shell takes as they are. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellWords() {
    }

    /** {@code words} joined by spaces, each single-quoted unless the shell would take it as it is. */
    public static String join(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(SAFE.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }
}
