package wedge.agent.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import wedge.agent.log.Log;
import wedge.agent.points.Point;
import wedge.agent.weave.Digests;
import wedge.contract.UserCache;

/**
 * Where a hunt keeps its learned pairs when no {@code pairs=} option says otherwise: {@code pairs/} in the user's
 * cache, one file per target and points, so that the next run of the same program with the same points pauses from
 * its first event (TSVD keeps its traps the same way).
 *
 * <p>The target is the JVM's main class, or the file name of the jar it runs ({@code sun.java.command}); the points
 * are digested whole (name, kind, field or method, scope), so a changed point file starts afresh rather than load
 * pairs of points that are not there. The file name is the target, made safe, and that digest.
 */
final class PairsCache {
    private static final int MAX_TARGET_CHARS = 80;

    private PairsCache() {
    }

    /**
     * The cached pairs of this JVM's target and {@code points}, none when there is no file yet or it cannot be read
     * whole; null when the cache cannot be used at all (one warning: the run goes on, it only keeps nothing).
     */
    static PairsFile open(List<Point> points) {
        Path dir;
        try {
            dir = UserCache.open().subdirectory("pairs").path();
        } catch (IOException | RuntimeException e) {
            Log.warn("hunt: the pairs cache in the user cache cannot be used, learned pairs are not kept between runs: "
                    + e.getMessage());
            return null;
        }
        String target = target(System.getProperty("sun.java.command", ""));
        return PairsFile.readCached(dir.resolve(fileName(target, points)), points);
    }

    /** The program a command line runs: its main class, or the file name of its jar; {@code unknown} for none. */
    static String target(String command) {
        String first = command.strip().split("\\s+", 2)[0];
        if (first.isEmpty()) {
            return "unknown";
        }
        return first.endsWith(".jar") ? Path.of(first).getFileName().toString() : first;
    }

    /** {@code TARGET-DIGEST.pairs}: the target, made safe for a file name, and a digest of it and the points. */
    static String fileName(String target, List<Point> points) {
        StringBuilder what = new StringBuilder("wedge-pairs/1\n").append(target).append('\n');
        for (Point p : points) {
            what.append(p.name()).append(' ').append(p.kind()).append(' ').append(p.target()).append(' ')
                    .append(p.scope()).append('\n');
        }
        String safe = target.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.substring(0, Math.min(MAX_TARGET_CHARS, safe.length())) + "-" + Digests.hex16(what.toString())
                + ".pairs";
    }
}
