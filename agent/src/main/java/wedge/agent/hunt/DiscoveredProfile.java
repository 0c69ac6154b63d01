package wedge.agent.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import wedge.agent.points.Point;
import wedge.agent.points.PointKind;

/**
 * The profile a {@code points=auto} hunt discovered, {@code wedge-discovered.points} beside the dumps: the fields on
 * which two threads were seen to nearly collide, were caught together in a pause, or changed under a pause (a race
 * report), in the point file's syntax,
 * each with its counts and sites as comments, ready to edit and pass back with {@code points=}. A run that saw none
 * writes the file with its header only.
 */
final class DiscoveredProfile {
    /** The file's name, in the dump directory. */
    static final String FILE = "wedge-discovered.points";

    private DiscoveredProfile() {
    }

    /**
     * The file's lines for the pairs {@code pairs} and the race reports' locations {@code reported} of a run of
     * {@code spec} with {@code seed}.
     */
    static List<String> render(String spec, long seed, List<Point> points, List<Pair> pairs,
                               Collection<Location> reported) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Pair p : pairs) {
            for (Location end : List.of(p.a, p.b)) {
                Point point = points.get(end.point);
                fields.computeIfAbsent(point.target(), t -> new Field(point)).add(p, end, points);
            }
        }
        for (Location at : reported) {
            Point point = points.get(at.point);
            fields.computeIfAbsent(point.target(), t -> new Field(point)).add(null, at, points);
        }
        List<String> lines = new ArrayList<>();
        lines.add("# wedge-discovered.points: the fields that two threads were seen to touch together (near misses,");
        lines.add("# one of them a write, or race reports) in a run of points=" + spec + " with seed " + seed
                + ". Edit it, then pass");
        lines.add("# it back: --points FILE (wedge) or points=FILE (the agent); the fault is still any uncaught");
        lines.add("# exception unless you add a line 'fault-type CLASS'.");
        if (fields.isEmpty()) {
            lines.add("# No field was seen shared: nothing to declare.");
        }
        for (Field f : fields.values()) {
            lines.addAll(f.lines());
        }
        return lines;
    }

    /** Writes the file into {@code dir}, whole; returns its path. */
    static Path write(Path dir, List<String> lines) throws IOException {
        Path path = dir.resolve(FILE).toAbsolutePath();
        PairsFile.replace(path, lines);
        return path;
    }

    /** One discovered field: its counts, its sites, and the two points that declare it. */
    private static final class Field {
        private final Point any;
        private final TreeSet<String> reads = new TreeSet<>();
        private final TreeSet<String> writes = new TreeSet<>();
        private final List<Pair> pairs = new ArrayList<>();

        Field(Point any) {
            this.any = any;
        }

        /** A location of the field, in {@code pair} (null for a race report's location outside any pair). */
        void add(Pair pair, Location end, List<Point> points) {
            if (pair != null && !pairs.contains(pair)) {
                pairs.add(pair);
            }
            (points.get(end.point).kind() == PointKind.FIELD_WRITE ? writes : reads).add(end.site);
        }

        List<String> lines() {
            long near = 0;
            long caught = 0;
            for (Pair p : pairs) {
                near += p.nearMisses();
                caught += p.caughtCount();
            }
            String base = any.name().substring(0, any.name().lastIndexOf('.'));
            List<String> lines = new ArrayList<>();
            lines.add("");
            lines.add("# " + any.target() + ": " + near + " near misses, " + caught + " caught in a pause");
            lines.add("#   read in:  " + (reads.isEmpty() ? "-" : String.join(", ", reads)));
            lines.add("#   write in: " + (writes.isEmpty() ? "-" : String.join(", ", writes)));
            String scope = scope(any, reads, writes);
            lines.add("field-read   " + any.target() + "   " + base + ".read" + scope);
            lines.add("field-write  " + any.target() + "   " + base + ".write" + scope);
            return lines;
        }

        /**
         * The {@code in} clause: none when every site is in the field's own package (a field point's default scope),
         * the one package of the sites otherwise; sites in several other packages keep the default, with a comment.
         */
        private static String scope(Point field, TreeSet<String> reads, TreeSet<String> writes) {
            TreeSet<String> packages = new TreeSet<>();
            for (TreeSet<String> sites : List.of(reads, writes)) {
                for (String site : sites) {
                    String cls = site.substring(0, site.indexOf('#'));
                    packages.add(cls.contains(".") ? cls.substring(0, cls.lastIndexOf('.')) : "");
                }
            }
            String own = field.owner().contains(".") ? field.owner().substring(0, field.owner().lastIndexOf('.')) : "";
            if (packages.size() == 1 && !packages.first().equals(own) && !packages.first().isEmpty()) {
                return "   in " + packages.first() + ".*";
            }
            return packages.size() > 1 ? "   # also touched in " + packages + "; add points 'in PKG.*' to weave there"
                    : "";
        }
    }
}
