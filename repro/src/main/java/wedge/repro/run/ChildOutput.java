package wedge.repro.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one run printed, line by line as it runs ({@link ChildPipes} reads them): no file holds it, so nothing of a
 * run is left behind however it ends. Only what the judgement needs is kept, so a run that prints without end costs
 * bounded memory: the workload's last progress count, throughput and heap check from stdout; from stderr the agent's
 * lines of its protocol, the first escaped exception and the last lines. A child JVM of one run feeds one of these
 * from its pipes; a batch child feeds one per seed ({@link BatchChild}).
 */
final class ChildOutput {
    private static final int TAIL_LINES = 12;
    /** Longest line the tail keeps: a child's stderr bounds no line (a class path, a stack of a generated class). */
    private static final int TAIL_LINE_CHARS = 400;
    /** Any exception that escaped a thread: its type and message (none when it has none). */
    private static final Pattern ESCAPED_ANY = Pattern.compile(
            "^Exception in thread \"[^\"]*\" ([^\\s:]+)(?:: (.*))?$");
    /** The agent's line for what a run never armed (see wedge.agent.Coverage). */
    private static final Pattern UNARMED = Pattern.compile("^wedge-agent: ((points:unmatched|fault-type:unknown) .*)$");
    private static final Pattern OPS = Pattern.compile("\\bops=(\\d+)");
    private static final Pattern THROUGHPUT = Pattern.compile("^Throughput = +(\\d+)");
    private static final Pattern HEAP_CHECK = Pattern.compile("^heap_check leaked=(\\d+) double_alloc=(\\d+)$");
    private static final Pattern ESCAPED = Pattern.compile(
            "^Exception in thread \"[^\"]*\" (\\S+): (.*?(0x[0-9a-f]+).*)$");
    private static final Pattern SCRIPT = Pattern.compile(
            "^wedge-agent: script .*: (\\d+) of (\\d+) steps reached(?:; (.*))?$");
    /** The agent's line for a run's first race report (see wedge.agent.runtime.RaceLog): its field. */
    private static final Pattern PAUSED = Pattern.compile("^wedge-agent: paused-at-exit threads=(\\d+)$");
    private static final Pattern RACE = Pattern.compile("^wedge-agent: race #1 \\S+ on .* (\\S+#\\S+): .*$");
    /** The hunt's closing line (wedge.agent.hunt.HuntStrategy): the run's count of race reports. */
    private static final Pattern HUNT_END = Pattern.compile("^wedge-agent: hunt: (\\d+) race reports, .*$");
    private static final String AGENT = "wedge-agent: ";

    private final Deque<String> tail = new ArrayDeque<>();
    private Long ops;
    private long firstReportNanos = -1;
    private double throughput;
    private Matcher heapCheck;
    private Matcher escaped;
    private Matcher escapedAny;
    private final StringBuilder unarmed = new StringBuilder();
    private String unarmedKind;
    private Matcher script;
    private Matcher race;
    private Long races;
    private Integer pausedAtExit;
    private DumpReport dump;
    private String firstLine;

    /** Takes one line the run printed on stdout. */
    synchronized void stdout(String line) {
        Matcher m = OPS.matcher(line);
        if (m.find()) {
            ops = Long.parseLong(m.group(1));
            if (firstReportNanos < 0) {
                firstReportNanos = System.nanoTime();
            }
        }
        Matcher tp = THROUGHPUT.matcher(line);
        if (tp.find()) {
            throughput = Double.parseDouble(tp.group(1));
        }
        Matcher check = HEAP_CHECK.matcher(line);
        if (check.matches()) {
            heapCheck = check;
        }
    }

    /** Takes one line the run printed on stderr. */
    synchronized void stderr(String line) {
        if (firstLine == null) {
            firstLine = line;
        }
        tail.addLast(line.length() > TAIL_LINE_CHARS ? line.substring(0, TAIL_LINE_CHARS) + " ..." : line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        if (escaped == null) {
            Matcher m = ESCAPED.matcher(line);
            escaped = m.matches() ? m : null;
        }
        if (escapedAny == null) {
            Matcher m = ESCAPED_ANY.matcher(line);
            escapedAny = m.matches() ? m : null;
        }
        Matcher u = UNARMED.matcher(line);
        if (u.matches()) {
            unarmedKind = unarmedKind == null ? u.group(2) : unarmedKind;
            unarmed.append(unarmed.length() == 0 ? "" : "\n").append(u.group(1));
        }
        Matcher s = SCRIPT.matcher(line);
        if (s.matches()) {
            script = s;
        }
        Matcher paused = PAUSED.matcher(line);
        if (paused.matches()) {
            pausedAtExit = Integer.valueOf(paused.group(1));
        }
        if (race == null) {
            Matcher r = RACE.matcher(line);
            race = r.matches() ? r : null;
        }
        Matcher end = HUNT_END.matcher(line);
        if (end.matches()) {
            races = Long.valueOf(end.group(1));
        }
        // Under on-race=dump a race dump may come first and a fault's dump later: the fault is the outcome.
        if (dump == null || dump.kind().equals("race")) {
            DumpReport next = DumpReport.parse(line);
            if (next != null && (dump == null || !next.kind().equals("race"))) {
                dump = next;
            }
        }
    }

    /** The operations the workload last reported completing, or null when it reported none. */
    synchronized Long ops() {
        return ops;
    }

    /** When the workload first reported its count ({@link System#nanoTime}): it runs; -1 before. */
    synchronized long firstReportNanos() {
        return firstReportNanos;
    }

    /** The workload's own ops/s figure when it ran to its end, else 0. */
    synchronized double throughput() {
        return throughput;
    }

    /** The workload's check of the heap at its end ({@code leaked}, {@code double_alloc}), or null without one. */
    synchronized Matcher heapCheck() {
        return heapCheck;
    }

    /** The exception that escaped a thread and ended the child ({@code type}, {@code message}, {@code address}). */
    synchronized Matcher escaped() {
        return escaped;
    }

    /** The first exception that escaped a thread, of any type ({@code type}, {@code message} or null). */
    synchronized Matcher escapedAny() {
        return escapedAny;
    }

    /**
     * What the agent said the run never armed: {@code points:unmatched} or {@code fault-type:unknown} (the first it
     * named), or null when it armed everything.
     */
    synchronized String unarmedKind() {
        return unarmedKind;
    }

    /** The agent's lines on what the run never armed, each naming what and why; empty when none. */
    synchronized String unarmed() {
        return unarmed.toString();
    }

    /** Under a script, the agent's line on how far it got ({@code reached}, {@code steps}, {@code skipped}). */
    synchronized Matcher script() {
        return script;
    }

    /** The race reports a hunt said it made as it ended, or null when it did not say (a halt at a fault). */
    synchronized Long races() {
        return races;
    }

    /** The agent's line on the run's first race report ({@code field}), or null when it made none. */
    synchronized Matcher race() {
        return race;
    }

    /** How many threads sat in the agent's pauses when the child ended, or null when none did. */
    synchronized Integer pausedAtExit() {
        return pausedAtExit;
    }

    /** What the agent said of its dump, or null when it said nothing. */
    synchronized DumpReport dump() {
        return dump;
    }

    /** The child's first stderr line when it is the agent's: what it refused, when it stopped the JVM at start. */
    synchronized String agentRefusal() {
        return firstLine != null && firstLine.startsWith(AGENT) ? firstLine : null;
    }

    /** The last lines of stderr. */
    synchronized String tail() {
        return String.join("\n", tail);
    }
}
