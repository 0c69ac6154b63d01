package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code wedge dump} subcommand prints: titled sections (FAULT, WHY, ...) of prose lines and tables, kept
 * apart from how they are printed so the same report reads on a terminal and pastes into a bug report.
 */
public final class Report {
    /** Terminal width the text form fits. */
    public static final int WIDTH = 110;
    /** Extra indent of the continuation lines of a wrapped prose line. */
    private static final int CONTINUATION = 2;

    /** A part of a section: a line of prose or a {@link Table}. */
    public sealed interface Block permits Line, Table {
    }

    /**
     * One line of prose; in text form wrapped to the terminal width unless {@code verbatim} (a command to copy,
     * which a line break would spoil).
     */
    public record Line(String text, boolean verbatim) implements Block {
    }

    /** A titled part of a report. */
    public static final class Section {
        private final String title;
        private final List<Block> blocks = new ArrayList<>();

        private Section(String title) {
            this.title = title;
        }

        /** Adds a line of prose. */
        public Section line(String text) {
            blocks.add(new Line(text, false));
            return this;
        }

        /** Adds a line that is never wrapped, such as a command to copy and paste. */
        public Section verbatim(String text) {
            blocks.add(new Line(text, true));
            return this;
        }

        /** Adds a table. */
        public Section table(Table table) {
            blocks.add(table);
            return this;
        }

        /** The title, e.g. {@code WHY}. */
        public String title() {
            return title;
        }

        /** The lines and tables, in order. */
        public List<Block> blocks() {
            return List.copyOf(blocks);
        }
    }

    private final List<Section> sections = new ArrayList<>();

    /** Starts a new section titled {@code title} (upper case by convention: FAULT, WHY, SLAB, RACE). */
    public Section section(String title) {
        Section s = new Section(title);
        sections.add(s);
        return s;
    }

    /** The sections, in order, for renderings other than {@link #render}. */
    public List<Section> sections() {
        return List.copyOf(sections);
    }

    /** The report in {@code format}, ending with a newline. */
    public String render(Format format) {
        return format == Format.MARKDOWN ? markdown() : text();
    }

    /**
     * Text: the title in a left margin as wide as the longest title, prose beside it wrapped with the margin (and
     * the line's own leading spaces) as indent; tables start at column 0 and use the full width.
     */
    private String text() {
        int margin = 0;
        for (Section s : sections) {
            margin = Math.max(margin, s.title.length() + 2);
        }
        StringBuilder b = new StringBuilder();
        for (Section s : sections) {
            if (b.length() > 0) {
                b.append('\n');
            }
            String lead = Text.pad(s.title, margin);
            for (Block block : s.blocks) {
                if (block instanceof Table t) {
                    if (!lead.isBlank()) {
                        b.append(lead.stripTrailing()).append('\n');
                    }
                    t.text(WIDTH).forEach(l -> b.append(l).append('\n'));
                } else {
                    Line line = (Line) block;
                    String body = line.text().stripLeading();
                    String indent = line.text().substring(0, line.text().length() - body.length());
                    List<String> lines = line.verbatim() ? List.of(body)
                            : Text.wrap(body, WIDTH - margin - indent.length() - CONTINUATION);
                    for (String l : lines) {
                        b.append(lead).append(indent).append(l).append('\n');
                        lead = " ".repeat(margin + CONTINUATION);
                    }
                }
                lead = " ".repeat(margin);
            }
        }
        return b.toString();
    }

    /** Markdown: a bold title per section, its prose in a text block (kept aligned), tables as Markdown tables. */
    private String markdown() {
        StringBuilder b = new StringBuilder();
        for (Section s : sections) {
            b.append("**").append(s.title).append("**\n\n");
            boolean inText = false;
            for (Block block : s.blocks) {
                if (block instanceof Line l) {
                    if (!inText) {
                        b.append("```text\n");
                        inText = true;
                    }
                    b.append(l.text()).append('\n');
                } else {
                    if (inText) {
                        b.append("```\n\n");
                        inText = false;
                    }
                    ((Table) block).markdown().forEach(l -> b.append(l).append('\n'));
                    b.append('\n');
                }
            }
            if (inText) {
                b.append("```\n\n");
            }
        }
        return b.toString();
    }
}
