package wedge.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How {@code agentmain} tells the attaching tool what came of the attach. The JVM carries back only that
 * {@code agentmain} threw ("Agent JAR loaded but agent failed to initialize"), never why, and an exception thrown
 * there is printed on the target's stderr, so the agent throws nothing: it writes its result to a file the attaching
 * tool made and named in front of the options ({@code attach-report=FILE,OPTIONS}), and the tool prints it.
 *
 * <p>The file holds one line: {@code attached}, {@code bad MESSAGE} (the options or the profile, as read in the
 * target) or {@code refused MESSAGE} (the agent is already loaded there, or a class cannot be woven).
 */
final class AttachReport {
    /** What precedes the report file's path in the agent's arguments. */
    static final String PREFIX = "attach-report=";

    /** What the attach came to, as the target's agent said. */
    enum Result {
        ATTACHED, BAD, REFUSED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path file;

    private AttachReport(Path file) {
        this.file = file;
    }

    /** A report file for one attach, empty until the agent writes it. */
    static AttachReport create() throws IOException {
        return new AttachReport(Files.createTempFile("wedge-attach-", ".txt"));
    }

    /** The report named by the agent's arguments {@code args}, or null when they name none. */
    static AttachReport of(String args) {
        if (args == null || !args.startsWith(PREFIX)) {
            return null;
        }
        int comma = args.indexOf(',');
        return new AttachReport(Path.of(args.substring(PREFIX.length(), comma < 0 ? args.length() : comma)));
    }

    /** The agent's options in {@code args}, without the report's path. */
    static String options(String args) {
        if (args == null || !args.startsWith(PREFIX)) {
            return args;
        }
        int comma = args.indexOf(',');
        return comma < 0 ? "" : args.substring(comma + 1);
    }

    /** The agent's arguments that carry this report's path and {@code options}. */
    String arguments(String options) {
        return PREFIX + file + (options.isEmpty() ? "" : "," + options);
    }

    /** Writes the result; best effort, as the target must go on whatever happens to the file. */
    void write(Result result, String message) {
        try {
            Files.writeString(file, result.word() + (message == null ? "" : " " + message) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("wedge-agent: attach " + result.word() + (message == null ? "" : ": " + message)
                    + " (cannot tell the attaching tool: " + e.getMessage() + ")");
        }
    }

    /** The line the agent wrote, or null when it wrote none. */
    String read() throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? null : text;
    }

    /** Deletes the file, however the attach ended; best effort. */
    void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a file in the temporary directory that outlives its attach is all that is lost
        }
    }
}
