package wedge.agent.hunt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.BadConfiguration;
import wedge.agent.config.HuntOptions;
import wedge.agent.config.StrategyKind;
import wedge.agent.points.Point;

/**
 * The file of learned pairs that lets a second run pause from its first event ({@code pairs=FILE}). Text, one pair
 * a line, a token that starts with {@code #} starts a comment:
 *
 * <pre>
 * pair POINT CLASS#METHOD POINT CLASS#METHOD near=N gap=NANOS caught=N
 * </pre>
 *
 * <p>A loaded pair's sites are pause sites from the start, with a fresh probability of 1 and pauses sized to the
 * pair's gap: the decay of the last run answered how often a pause there caught something then, not now.
 *
 * <p>By default the file is kept in the user's cache ({@link PairsCache}); {@code pairs=none} keeps none;
 * {@code pairs=FILE} names one. A missing named file is created (empty) when the run starts, so that a path that
 * cannot be written fails then, not at exit; one that cannot be read or parsed stops the run before anything is
 * instrumented. A cached file that cannot be read or parsed is ignored with a debug line and replaced at exit.
 *
 * @param path   the file
 * @param pairs  the pairs
 * @param cached  whether the file is the user cache's rather than one the user named
 * @param ignored why a cached file was not used (read before the agent's log is set up, so logged by the hunt), or
 *                null
 */
public record PairsFile(Path path, List<PairEntry> pairs, boolean cached, String ignored) {
    private static final String HEADER = "# wedge hunt pairs: learned near misses (strategy=hunt)";

    /** A {@code pair} line. */
    record PairEntry(String pointA, String siteA, String pointB, String siteB, long nearMisses, long gapNanos,
                     long caught) {
    }

    /**
     * The pairs a hunt with {@code options} starts from: the user cache's by default, none for {@code pairs=none},
     * else the named file's; null under another strategy, for {@code pairs=none}, or when the cache cannot be used.
     *
     * @throws BadConfiguration as {@link #load} for a named file
     */
    public static PairsFile open(AgentOptions options, List<Point> points) {
        String pairs = options.hunt().pairs();
        if (options.strategy() != StrategyKind.HUNT || HuntOptions.NO_PAIRS.equals(pairs)) {
            return null;
        }
        return pairs == null ? PairsCache.open(points) : load(pairs, points);
    }

    /**
     * Reads {@code file}, creating it when missing.
     *
     * @throws BadConfiguration naming the file (and line) when it cannot be created, read or parsed, or names a
     *                          point that is not in the point table
     */
    public static PairsFile load(String file, List<Point> points) {
        Path path = Path.of(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            try {
                Files.writeString(path, HEADER + "\n", StandardCharsets.UTF_8);
            } catch (IOException c) {
                throw new BadConfiguration("pairs file " + file + " does not exist and cannot be created: " + c);
            }
            return new PairsFile(path, List.of(), false, null);
        } catch (IOException e) {
            throw new BadConfiguration("pairs file " + file + " cannot be read: " + e);
        }
        return new PairsFile(path, parse(file, lines, points), false, null);
    }

    /**
     * Reads the cached file {@code path}: none when it is missing; none, saying why in {@link #ignored}, when it
     * cannot be read or parsed (a file of another build, cut short, or edited); either way it is written at exit.
     */
    static PairsFile readCached(Path path, List<Point> points) {
        try {
            return new PairsFile(path, parse(path.toString(), Files.readAllLines(path, StandardCharsets.UTF_8),
                    points), true, null);
        } catch (NoSuchFileException e) {
            return new PairsFile(path, List.of(), true, null);
        } catch (IOException | BadConfiguration e) {
            return new PairsFile(path, List.of(), true, e.getMessage());
        }
    }

    /** Where the pairs came from, as the dump says it: {@code cache} or {@code file}. */
    public String source() {
        return cached ? "cache" : "file";
    }

    private static List<PairEntry> parse(String file, List<String> lines, List<Point> points) {
        Set<String> names = points.stream().map(Point::name).collect(Collectors.toSet());
        List<PairEntry> pairs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] t = withoutComment(line).split("\\s+");
            if (t.length == 1 && t[0].isEmpty()) {
                continue;
            }
            String where = "pairs file " + file + " line " + (i + 1) + ": ";
            if (t[0].equals("pair") && t.length == 8) {
                pairs.add(new PairEntry(point(t[1], names, where), site(t[2], where), point(t[3], names, where),
                        site(t[4], where), count(value(t[5], "near", where), where),
                        count(value(t[6], "gap", where), where), count(value(t[7], "caught", where), where)));
            } else {
                throw new BadConfiguration(where + "expected 'pair POINT CLASS#METHOD POINT CLASS#METHOD near=N "
                        + "gap=NANOS caught=N', found '" + line.trim() + "'");
            }
        }
        return pairs;
    }

    /** Writes {@code pairLines} over the file, atomically (temp file, then rename). */
    static void write(Path path, List<String> pairLines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(pairLines);
        replace(path, all);
    }

    /**
     * Replaces {@code path} by a file of {@code lines}, whole: written to a temporary file beside it, then renamed
     * over it, so that JVMs ending at once each leave a complete file (the last one wins).
     */
    static void replace(Path path, List<String> lines) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".wedge-", ".tmp");
        try {
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The line up to its comment: a token that starts with {@code #} (a site's {@code #} is inside a token). */
    private static String withoutComment(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(^|\\s)#").matcher(line);
        return (m.find() ? line.substring(0, m.start()) : line).trim();
    }

    private static String point(String name, Set<String> names, String where) {
        if (!names.contains(name)) {
            throw new BadConfiguration(where + "unknown point '" + name + "'; the point table has " + names);
        }
        return name;
    }

    private static String site(String site, String where) {
        if (!site.matches("[^#\\s]+#[^#\\s]+")) {
            throw new BadConfiguration(where + "bad site '" + site + "'; expected CLASS#METHOD");
        }
        return site;
    }

    private static String value(String token, String key, String where) {
        if (!token.startsWith(key + "=")) {
            throw new BadConfiguration(where + "expected " + key + "=..., found '" + token + "'");
        }
        return token.substring(key.length() + 1);
    }


    private static long count(String text, String where) {
        try {
            long n = Long.parseLong(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadConfiguration(where + "bad count '" + text + "'; expected a whole number >= 0");
    }
}
