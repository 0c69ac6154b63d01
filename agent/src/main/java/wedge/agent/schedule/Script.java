package wedge.agent.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import wedge.agent.config.BadConfiguration;
import wedge.agent.points.Point;

/**
 * A stated interleaving: the steps of a {@code script} run, in order. docs/AGENT.md ("Scripts") is the format's
 * description; keep the two in step.
 *
 * <pre>
 * # a word starting with # starts a comment
 * THREAD (to|past) (POINT|*|end) [on LABEL] [in CLASS#METHOD] [value N] [at HIT]
 * </pre>
 *
 * @param source where the script came from, for messages and the dump
 * @param steps  the steps, at least one
 */
public record Script(String source, List<Step> steps) {
    private static final Pattern THREAD = Pattern.compile("T[1-9][0-9]*|[A-Za-z_][A-Za-z0-9_.+-]*");

    /**
     * Reads and checks the script at {@code path}; every point it names must be one of {@code points}.
     *
     * @throws BadConfiguration naming the file, the line and what is wrong
     */
    public static Script load(String path, List<Point> points) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(path));
        } catch (IOException e) {
            throw new BadConfiguration("script file " + path + ": cannot read it: " + e.getMessage());
        }
        Set<String> names = points.stream().map(Point::name).collect(Collectors.toSet());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> words = new ArrayList<>();
            for (String w : lines.get(i).trim().split("\\s+")) {
                if (w.startsWith("#")) {
                    break;
                }
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            if (words.isEmpty()) {
                continue;
            }
            String[] tokens = words.toArray(String[]::new);
            try {
                steps.add(step(i + 1, tokens, names));
            } catch (IllegalArgumentException e) {
                throw new BadConfiguration("script file " + path + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (steps.isEmpty()) {
            throw new BadConfiguration("script file " + path + ": no steps; expected lines like "
                    + "'owner to freelist.read in TinyHeap#popBatch'");
        }
        return new Script(path, List.copyOf(steps));
    }

    private static Step step(int line, String[] t, Set<String> names) {
        if (t.length < 3) {
            throw new IllegalArgumentException("expected THREAD to|past POINT|*|end [on LABEL] [in CLASS#METHOD] "
                    + "[value N] [at HIT]");
        }
        if (!THREAD.matcher(t[0]).matches()) {
            throw new IllegalArgumentException("bad thread '" + t[0] + "'; expected T<ordinal> or a thread name");
        }
        if (!t[1].equals("to") && !t[1].equals("past")) {
            throw new IllegalArgumentException("expected 'to' or 'past' after the thread, not '" + t[1] + "'");
        }
        boolean past = t[1].equals("past");
        String point = t[2];
        if (point.equals("end")) {
            if (past || t.length > 3) {
                throw new IllegalArgumentException("'end' takes 'to' and nothing after it");
            }
            return new Step(line, t[0], false, null, null, null, null, -1);
        }
        if (!point.equals("*") && !names.contains(point)) {
            throw new IllegalArgumentException("unknown point '" + point + "'; points: "
                    + names.stream().sorted().collect(Collectors.joining(", ")));
        }
        String label = null;
        String site = null;
        Long value = null;
        long at = -1;
        for (int i = 3; i < t.length; i += 2) {
            if (i + 1 >= t.length) {
                throw new IllegalArgumentException("'" + t[i] + "' needs a value");
            }
            String v = t[i + 1];
            switch (t[i]) {
                case "on" -> label = once(label, "on", v);
                case "in" -> site = once(site, "in", v.contains("#") ? v : bad("in takes CLASS#METHOD, not " + v));
                case "value" -> value = once(value, "value", number(v));
                case "at" -> at = once(at < 0 ? null : at, "at", number(v));
                default -> throw new IllegalArgumentException("unexpected '" + t[i] + "'; expected on, in, value "
                        + "or at");
            }
        }
        if (at < -1) {
            throw new IllegalArgumentException("at takes a hit count >= 0");
        }
        return new Step(line, t[0], past, point, label, site, value, at);
    }

    private static <T> T once(T previous, String key, T value) {
        if (previous != null) {
            throw new IllegalArgumentException("'" + key + "' is given twice");
        }
        return value;
    }

    private static long number(String v) {
        try {
            return v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + v);
        }
    }

    private static String bad(String message) {
        throw new IllegalArgumentException(message);
    }
}
