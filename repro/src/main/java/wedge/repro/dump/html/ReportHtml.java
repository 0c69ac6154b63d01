package wedge.repro.dump.html;

import java.util.List;

import wedge.repro.dump.Report;
import wedge.repro.dump.Table;

/**
 * A {@link Report} (what {@code wedge dump explain} prints) as HTML: a titled section per report section, prose as
 * paragraphs, commands to copy as preformatted lines, tables as tables. Rows whose last cell starts with
 * {@code LOST UPDATE} or {@code FAULT} are marked, as the text form marks them in words.
 */
final class ReportHtml {
    private ReportHtml() {
    }

    static void append(StringBuilder b, Report report) {
        for (Report.Section s : report.sections()) {
            b.append("<section class=\"report\" id=\"").append(Html.escape(s.title().toLowerCase())).append("\">\n")
                    .append("<h2>").append(Html.escape(s.title())).append("</h2>\n");
            for (Report.Block block : s.blocks()) {
                if (block instanceof Table t) {
                    table(b, t);
                } else {
                    Report.Line line = (Report.Line) block;
                    String text = line.text();
                    String body = text.stripLeading();
                    int depth = (text.length() - body.length()) / 2;
                    if (line.verbatim()) {
                        b.append("<pre class=\"command\">").append(Html.escape(body)).append("</pre>\n");
                    } else {
                        b.append("<p class=\"indent-").append(Math.min(depth, 3)).append("\">")
                                .append(Html.escape(body)).append("</p>\n");
                    }
                }
            }
            b.append("</section>\n");
        }
    }

    private static void table(StringBuilder b, Table t) {
        b.append("<table class=\"race-table\">\n<thead><tr>");
        t.headers().forEach(h -> b.append("<th>").append(Html.escape(h)).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            String last = row.get(row.size() - 1);
            String mark = last.startsWith("LOST UPDATE") ? " class=\"lost-update-row\""
                    : last.startsWith("FAULT") ? " class=\"fault-row\"" : "";
            b.append("<tr").append(mark).append('>');
            row.forEach(c -> b.append("<td>").append(Html.escape(c)).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }
}
