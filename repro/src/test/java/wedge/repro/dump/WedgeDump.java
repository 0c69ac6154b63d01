package wedge.repro.dump;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

import picocli.CommandLine;
import wedge.repro.cli.DumpCommand;

/** Runs {@code wedge dump ...} in-process and keeps what it printed. */
final class WedgeDump {
    final int status;
    final String out;
    final String err;

    private WedgeDump(int status, String out, String err) {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    /** {@code wedge dump args...}. */
    static WedgeDump run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new DumpCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute(args);
        return new WedgeDump(status, out.toString(), err.toString());
    }

    /** The path of test resource {@code dumps/name}. */
    static String resource(String name) {
        try {
            return Path.of(WedgeDump.class.getResource("/dumps/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The section of the text output that starts with {@code title} (up to the next blank line). */
    String section(String title) {
        int start = out.startsWith(title + " ") ? 0 : out.indexOf("\n" + title + " ");
        if (start < 0) {
            throw new AssertionError("no section " + title + " in:\n" + out);
        }
        start = start == 0 ? 0 : start + 1;
        int end = out.indexOf("\n\n", start);
        return out.substring(start, end < 0 ? out.length() : end);
    }

    /**
     * The text of the cell in column {@code column} (0 = step) of the row for {@code step} of the text table in
     * {@code text}, with its wrapped lines joined by spaces.
     */
    static String cell(String text, String step, int column) {
        StringBuilder cell = new StringBuilder();
        boolean inRow = false;
        for (String line : text.split("\n")) {
            String[] cells = line.split("\\|", -1);
            if (cells.length <= column + 1) {
                inRow = false;
                continue;
            }
            String first = cells[1].strip();
            if (first.equals(step)) {
                inRow = true;
            } else if (!first.isEmpty()) {
                inRow = false;
            }
            if (inRow && !cells[column + 1].isBlank()) {
                cell.append(cell.length() == 0 ? "" : " ").append(cells[column + 1].strip());
            }
        }
        if (cell.length() == 0) {
            throw new AssertionError("no cell " + column + " in row " + step + " of:\n" + text);
        }
        return cell.toString();
    }

    /** The output with text wrapping undone: runs of spaces (and the margin after a line break) as one space. */
    String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
