package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells, printed either as aligned text that fits a terminal (cells wrap inside their column) or as
 * a GitHub Markdown table (cells on one line, to paste into a bug report).
 *
 * @param headers the column titles
 * @param rows    the rows; each has exactly one cell per header
 */
public record Table(List<String> headers, List<List<String>> rows) implements Report.Block {
    /** Narrowest a column is squeezed to when the table is too wide for the terminal. */
    private static final int MIN_COLUMN = 6;
    /** Narrowest the last column is squeezed to, so its prose stays readable. */
    private static final int LAST_COLUMN = 24;

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " cells in a table of " + headers.size());
            }
        }
    }

    /** The table as aligned text lines no wider than {@code width}, with {@code |} between columns. */
    public List<String> text(int width) {
        int[] widths = fit(naturalWidths(), width - 3 * headers.size() - 1);
        List<String> out = new ArrayList<>(textRow(headers, widths));
        StringBuilder rule = new StringBuilder("|");
        for (int w : widths) {
            rule.append("-".repeat(w + 2)).append('|');
        }
        out.add(rule.toString());
        for (List<String> row : rows) {
            out.addAll(textRow(row, widths));
        }
        return out;
    }

    /** The table as GitHub Markdown lines; a {@code |} inside a cell is escaped. */
    public List<String> markdown() {
        List<String> out = new ArrayList<>();
        out.add(markdownRow(headers));
        out.add(markdownRow(headers.stream().map(h -> "---").toList()));
        for (List<String> row : rows) {
            out.add(markdownRow(row));
        }
        return out;
    }

    private int[] naturalWidths() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> row : rows) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        return w;
    }

    /**
     * Column widths within {@code room} characters. The last column (the prose one: a result, a note) gets what the
     * others leave, at least {@link #LAST_COLUMN}; the others keep their natural widths up to a common cap, the
     * largest that fits, so narrow columns (step numbers) stay whole and wide ones share what is left.
     */
    private static int[] fit(int[] natural, int room) {
        int last = natural.length - 1;
        int others = room - Math.min(natural[last], LAST_COLUMN);
        int cap = 0;
        for (int i = 0; i < last; i++) {
            cap = Math.max(cap, natural[i]);
        }
        while (cap > MIN_COLUMN && total(natural, last, cap) > others) {
            cap--;
        }
        int[] w = new int[natural.length];
        for (int i = 0; i < last; i++) {
            w[i] = Math.max(1, Math.min(natural[i], cap));
        }
        w[last] = Math.max(1, Math.min(natural[last], room - total(natural, last, cap)));
        return w;
    }

    private static int total(int[] natural, int count, int cap) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Math.min(natural[i], cap);
        }
        return sum;
    }

    private static List<String> textRow(List<String> cells, int[] widths) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> lines = Text.wrap(cells.get(i), widths[i]);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        List<String> out = new ArrayList<>();
        for (int line = 0; line < height; line++) {
            StringBuilder b = new StringBuilder("|");
            for (int i = 0; i < cells.size(); i++) {
                List<String> lines = wrapped.get(i);
                b.append(' ').append(Text.pad(line < lines.size() ? lines.get(line) : "", widths[i])).append(" |");
            }
            out.add(b.toString());
        }
        return out;
    }

    private static String markdownRow(List<String> cells) {
        StringBuilder b = new StringBuilder("|");
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        return b.toString();
    }
}
