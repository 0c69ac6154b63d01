package wedge.junit;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@link WedgeTest}'s attributes, checked, and the agent options they stand for.
 *
 * @param where   the annotated method, {@code Class#method}, for messages
 * @param seeds   the seeds to run, in order
 * @param perSeed how long one seed may run, in milliseconds
 */
record WedgeSettings(String where, WedgeTest test, List<Long> seeds, long perSeed) {
    /** The agent option each attribute becomes; an agent message about another option is about {@code options}. */
    private static final Map<String, String> ATTRIBUTES = Map.of("seed", "seed", "strategy", "strategy",
            "points", "points", "fault-type", "faultTypes", "dump-dir", "dumpDir");
    private static final Pattern OPTION = Pattern.compile("option '?([a-z-]+)'?[ =]");

    /**
     * The settings of {@code method}'s annotation.
     *
     * @throws BadWedgeTest naming the first bad attribute
     */
    static WedgeSettings of(Method method, WedgeTest test) {
        String where = method.getDeclaringClass().getSimpleName() + "#" + method.getName();
        List<Long> seeds;
        try {
            if (test.seed() != WedgeTest.NO_SEED && !test.seeds().isEmpty()) {
                throw new BadWedgeTest("@WedgeTest on " + where + ": seed and seeds are both given; give seed = N "
                        + "to replay one seed, or seeds = \"FROM..TO\" to run several");
            }
            seeds = test.seed() != WedgeTest.NO_SEED ? List.of(test.seed())
                    : Seeds.parse(test.seeds().isEmpty() ? Seeds.DEFAULT : test.seeds());
        } catch (IllegalArgumentException e) {
            throw new BadWedgeTest("@WedgeTest(seeds = \"" + test.seeds() + "\") on " + where + ": " + e.getMessage());
        }
        double seconds = test.secondsPerSeed();
        if (!(seconds > 0 && seconds <= 86_400)) {
            throw new BadWedgeTest("@WedgeTest(secondsPerSeed = " + seconds + ") on " + where
                    + ": give a number of seconds above 0 and at most 86400");
        }
        return new WedgeSettings(where, test, seeds, Math.max(1, Math.round(seconds * 1000)));
    }

    /** The agent options of the run for {@code seed}: the attributes, then {@code options}, then what the extension needs. */
    String agentOptions(long seed) {
        StringBuilder b = new StringBuilder();
        b.append("seed=").append(seed)
                .append(",strategy=").append(test.strategy())
                .append(",points=").append(points())
                .append(",dump-dir=").append(Path.of(test.dumpDir()).toAbsolutePath());
        if (test.faultTypes().length > 0) {
            b.append(",fault-type=").append(Arrays.stream(test.faultTypes()).map(Class::getName)
                    .collect(Collectors.joining("|")));
        }
        if (!test.options().isBlank()) {
            b.append(',').append(test.options().trim());
        }
        // A fault must end the invocation, not the JVM, and a hang is the invocation's time limit to judge; a race
        // report fails the invocation through the dump it makes.
        if (test.strategy().equals("hunt")) {
            b.append(",on-race=dump");
        }
        return b.append(",on-fault=throw,hang-timeout=0").toString();
    }

    /** How to run {@code seed} alone again. */
    String replay(long seed) {
        StringBuilder b = new StringBuilder("@WedgeTest(seed = ").append(seed);
        if (!test.strategy().equals("noise")) {
            b.append(", strategy = \"").append(test.strategy()).append('"');
        }
        b.append(", points = \"").append(test.points()).append('"');
        if (test.faultTypes().length > 0) {
            b.append(", faultTypes = ").append(Arrays.stream(test.faultTypes())
                    .map(c -> c.getSimpleName() + ".class").collect(Collectors.joining(", ", "{", "}")));
        }
        if (!test.options().isBlank()) {
            b.append(", options = \"").append(test.options()).append('"');
        }
        return b.append(") on ").append(where).toString();
    }

    /**
     * The agent's complaint about the options, as a message about the attribute they came from.
     *
     * @param agentMessage the agent's one line, like {@code bad option strategy=chaos; valid: off, noise, ...}
     */
    BadWedgeTest badAttribute(String agentMessage) {
        Matcher m = OPTION.matcher(agentMessage);
        String attribute = m.find() ? ATTRIBUTES.getOrDefault(m.group(1), "options") : "options";
        return new BadWedgeTest("@WedgeTest(" + attribute + " = " + value(attribute) + ") on " + where + ": "
                + agentMessage);
    }

    private String value(String attribute) {
        switch (attribute) {
            case "seed":
                return test.seed() != WedgeTest.NO_SEED ? Long.toString(test.seed()) : '"' + test.seeds() + '"';
            case "strategy":
                return '"' + test.strategy() + '"';
            case "points":
                return '"' + test.points() + '"';
            case "faultTypes":
                return Arrays.stream(test.faultTypes()).map(c -> c.getSimpleName() + ".class")
                        .collect(Collectors.joining(", ", "{", "}"));
            case "dumpDir":
                return '"' + test.dumpDir() + '"';
            default:
                return '"' + test.options() + '"';
        }
    }

    /** A point file as an absolute path; a profile name (no such file) as it is, for the agent to judge. */
    private String points() {
        Path p = Path.of(test.points());
        return Files.exists(p) ? p.toAbsolutePath().toString() : test.points();
    }
}
