package wedge.repro.dump.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.repro.dump.Dump;
import wedge.repro.dump.Event;

/**
 * The event window as one swimlane per thread: events left to right in {@code seq} order, one column each, so
 * what happened between a read and a write of another thread is read straight down. Each event carries its step,
 * thread, point, subject, value and site as hover text, and the marks of the analysis as CSS classes.
 */
final class Swimlanes {
    /** Width of one event's column, in SVG units (pixels at zoom 1). */
    private static final int STEP = 6;
    private static final int LANE = 28;
    private static final int AXIS = 18;
    /** Seq numbers are written on the axis every this many events. */
    private static final int TICK = 250;

    private Swimlanes() {
    }

    static void append(StringBuilder b, Dump dump, EventMarks marks) {
        List<Event> events = dump.events();
        b.append("<section id=\"swimlanes\">\n<h2>THREADS</h2>\n");
        if (events.isEmpty()) {
            b.append("<p>No events recorded: ").append(Html.escape(dump.window())).append(".</p>\n</section>\n");
            return;
        }
        b.append("<p>Events ").append(Html.escape(dump.window())).append(", one lane per thread, oldest left. "
                + "Hover an event for its point, value and site.</p>\n");
        List<Integer> threads = new ArrayList<>(new TreeSet<>(events.stream().map(Event::thread).toList()));
        Map<Integer, Integer> laneOf = new HashMap<>();
        threads.forEach(t -> laneOf.put(t, laneOf.size()));
        Map<String, JsonNode> points = new HashMap<>();
        dump.root().path("points").forEach(p -> points.put(p.path("name").asText(), p));
        int faulted = dump.fault().path("thread").path("ordinal").asInt(-1);
        int width = events.size() * STEP;
        int height = AXIS + threads.size() * LANE;

        b.append("<div class=\"controls\"><label>zoom <input id=\"zoom\" type=\"range\" min=\"0.1\" max=\"4\" "
                + "step=\"any\" value=\"1\"></label> <button id=\"to-cause\" type=\"button\">show the race"
                + "</button> <span class=\"legend\"><i class=\"ev read\"></i>read <i class=\"ev write\"></i>write "
                + "<i class=\"ev call\"></i>other point <i class=\"ev lost-update\"></i>lost update (overwriting "
                + "write) <i class=\"ev stale-read\"></i>its stale read <i class=\"ev overwritten\"></i>overwritten "
                + "write <i class=\"ev race\"></i>race report <i class=\"ev fault-point\"></i>faulting thread's "
                + "last point <i class=\"race-window\"></i>the lost update behind the fault, stale read to write</span></div>\n");
        b.append("<div class=\"lanes\" style=\"--lanes:").append(threads.size()).append("\">\n<div class=\"labels\" "
                + "style=\"padding-top:").append(AXIS).append("px\">\n");
        for (int t : threads) {
            b.append("<div class=\"label").append(t == faulted ? " faulted" : "").append("\" style=\"height:")
                    .append(LANE).append("px\">").append(Html.escape(dump.thread(t)))
                    .append(t == faulted ? " (faulted)" : "").append("</div>\n");
        }
        b.append("</div>\n<div class=\"scroll\">\n<svg id=\"lanes-svg\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" preserveAspectRatio=\"none\" data-width=\"")
                .append(width).append("\">\n");
        for (int i = 0; i < events.size(); i += TICK) {
            b.append("<text class=\"tick\" x=\"").append(i * STEP).append("\" y=\"12\">").append(events.get(i).step())
                    .append("</text>\n");
        }
        window(b, events, marks, height);
        for (int t : threads) {
            int y = AXIS + laneOf.get(t) * LANE;
            b.append("<g class=\"lane\" data-thread=\"").append(t).append("\">\n<rect class=\"lane-bg\" x=\"0\" y=\"")
                    .append(y).append("\" width=\"").append(width).append("\" height=\"").append(LANE)
                    .append("\"/>\n");
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                if (e.thread() == t) {
                    event(b, dump, e, i * STEP, y, points.get(e.point()), marks);
                }
            }
            b.append("</g>\n");
        }
        b.append("</svg>\n</div>\n</div>\n<pre id=\"details\" class=\"details\">Hover an event.</pre>\n</section>\n");
    }

    /** One event; {@code point} is its entry in the dump's point table, or null when the table lacks it. */
    private static void event(StringBuilder b, Dump dump, Event e, int x, int y, JsonNode point, EventMarks marks) {
        String notes = marks.notesOf(e.seq());
        String role = point == null ? "" : point.path("siteRoles").path(e.site()).asText(point.path("role")
                .asText(""));
        String hover = e.step() + "  " + dump.thread(e.thread()) + "\n" + e.point() + " "
                + (e.label().isEmpty() ? "" : e.label() + " ") + "= 0x" + Long.toHexString(e.value())
                + (role.isEmpty() ? "" : "  (" + role + ")") + "\nat " + e.site() + (notes.isEmpty() ? "" : "\n"
                + notes);
        b.append("<rect class=\"ev ").append(kind(point)).append(marks.classesOf(e.seq()))
                .append("\" data-seq=\"").append(e.seq()).append("\" x=\"").append(x).append("\" y=\"").append(y + 4)
                .append("\" width=\"").append(STEP - 1).append("\" height=\"").append(LANE - 8).append("\"><title>")
                .append(Html.escape(hover)).append("</title></rect>\n");
    }

    /**
     * Shades, across every lane, the columns from the stale read of the lost update behind the fault to its write:
     * what other threads did there is what the write undid.
     */
    private static void window(StringBuilder b, List<Event> events, EventMarks marks, int height) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < events.size(); i++) {
            if (marks.has(events.get(i).seq(), "cause")) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first >= 0) {
            b.append("<rect class=\"race-window\" x=\"").append(first * STEP).append("\" y=\"").append(AXIS)
                    .append("\" width=\"").append((last - first + 1) * STEP).append("\" height=\"")
                    .append(height - AXIS).append("\"><title>").append(events.get(first).step()).append("..")
                    .append(events.get(last).step()).append(": between the stale read and the write of the lost "
                            + "update behind the fault</title></rect>\n");
        }
    }

    /** {@code read}, {@code write} or {@code call}: how the lanes colour an event of {@code point}. */
    private static String kind(JsonNode point) {
        String kind = point == null ? "" : point.path("kind").asText();
        return kind.equals("field-read") ? "read" : kind.equals("field-write") ? "write" : "call";
    }
}
