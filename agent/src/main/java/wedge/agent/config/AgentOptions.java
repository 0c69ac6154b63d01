package wedge.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import wedge.agent.log.LogLevel;

/**
 * Every option of the agent, parsed from {@code -javaagent:wedge-agent.jar=k=v,k=v} and validated as a whole before
 * anything is instrumented. docs/AGENT.md documents each one; keep the two in step.
 *
 * @param seed             drives every decision of the strategy
 * @param strategy         what armed points do
 * @param p                noise: probability of a pause at a point, 0..1
 * @param pause            noise: how a paused thread waits
 * @param durationNanos    noise: longest pause; each pause lasts 1 ns .. this, chosen by the seed
 * @param points           a profile name ({@code allocator}), found on the class path, or the path of a file
 * @param dumpDir          where dumps are written; created when missing
 * @param onFault          exit with 139 after the dump, or let the fault propagate
 * @param ring             how many of the last events a dump holds
 * @param hangTimeoutNanos watchdog: a stall this long inside instrumented code is a hang; 0 = no watchdog
 * @param log              agent log level
 * @param logFile          agent log file, or null for stderr
 * @param faultType        binary names of the exception classes whose construction is a fault, separated by
 *                         {@code |}; null until {@link #withProfile} takes them from the profile
 * @param snapshot         static no-argument method {@code Class#method} that returns the state for the dump, or
 *                         {@code none}; null until {@link #withProfile} takes it from the profile
 * @param schedule         controlled and script: how threads are scheduled
 * @param hunt             hunt: where pairs are kept, what a race report does, order forcing
 * @param weaveCache       where woven classes are kept between runs: null for the user's cache, {@code off}, or a
 *                         directory
 * @param unmatched        what a declared point that matched nothing, or a fault type that is no class, makes of a
 *                         run
 */
public record AgentOptions(long seed, StrategyKind strategy, double p, PauseKind pause, long durationNanos,
                           String points, String dumpDir, OnFault onFault, int ring, long hangTimeoutNanos,
                           LogLevel log, String logFile, String faultType, String snapshot,
                           ScheduleOptions schedule, HuntOptions hunt, String weaveCache,
                           Unmatched unmatched) {

    /** The name of the built-in point profile. */
    public static final String BUILT_IN_PROFILE = "allocator";
    /** The {@code points} value that weaves every plain field of a scope (see docs/AGENT.md, "Automatic points"). */
    public static final String AUTO_POINTS = "auto";
    /** Snapshot value that turns snapshots off. */
    public static final String NO_SNAPSHOT = "none";

    private static final List<String> NAMES = List.of("seed", "strategy", "p", "pause", "duration", "points",
            "dump-dir", "on-fault", "ring", "hang-timeout", "log", "log-file", "fault-type", "snapshot", "search",
            "pct-depth", "pct-steps", "stall", "script", "pairs", "on-race", "order", "weave-cache",
            "unmatched");
    private static final int MAX_RING = 1 << 20;
    private static final String IDENT = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern CLASS_NAME = Pattern.compile(IDENT + "(\\." + IDENT + ")*");
    /** A profile name: found on the class path as {@code wedge/profiles/NAME.points}. */
    private static final Pattern PROFILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern FAULT_TYPES = Pattern.compile(CLASS_NAME.pattern() + "(\\|" + CLASS_NAME.pattern()
            + ")*");
    /** The allocator's SIGSEGV and its glibc-style invalid-free abort. */
    /** What a fault-type value looks like, for messages. */
    public static final String FAULT_TYPES_FORM = "binary class names separated by |, like "
            + "com.example.Corrupted|java.lang.IllegalStateException";
    /** What a snapshot value looks like, for messages. */
    public static final String SNAPSHOT_FORM = "a static method Class#method, or " + NO_SNAPSHOT;
    private static final Pattern STATIC_METHOD = Pattern.compile(CLASS_NAME.pattern() + "#" + IDENT);
    private static final String DURATION_FORM = "a duration like 200us, 5ms or 10s";

    /**
     * Parses and validates the agent's argument string; null or blank means all defaults.
     *
     * @throws BadConfiguration naming the first bad option and what would be valid
     */
    public static AgentOptions parse(String args) {
        Map<String, String> raw = split(args);
        // Automatic points weave every plain field: blind noise would pause everywhere, hunt pauses where two
        // threads were seen to meet.
        String strategyText = raw.getOrDefault("strategy", isAuto(raw.getOrDefault("points", ""))
                ? StrategyKind.HUNT.id() : StrategyKind.NOISE.id());
        StrategyKind strategy = choice("strategy", strategyText, StrategyKind::byId, StrategyKind.ids());
        return new AgentOptions(
                raw.containsKey("seed") ? seed(raw.get("seed")) : new SplittableRandom().nextLong(),
                strategy,
                probability(raw.getOrDefault("p", "0.02")),
                choice("pause", raw.getOrDefault("pause", "park"), PauseKind::byId, "spin, yield, park"),
                duration("duration", raw.getOrDefault("duration", "200us"), false),
                points(raw.getOrDefault("points", BUILT_IN_PROFILE)),
                nonEmpty("dump-dir", raw.getOrDefault("dump-dir", "dumps"), "a directory path"),
                choice("on-fault", raw.getOrDefault("on-fault", "exit"), OnFault.class),
                ring(raw.getOrDefault("ring", "4096")),
                duration("hang-timeout", raw.getOrDefault("hang-timeout", "10s"), true),
                choice("log", raw.getOrDefault("log", "info"), LogLevel::byId, LogLevel.ids()),
                raw.containsKey("log-file") ? nonEmpty("log-file", raw.get("log-file"), "a file path") : null,
                raw.containsKey("fault-type") ? matching("fault-type", raw.get("fault-type"), FAULT_TYPES,
                        FAULT_TYPES_FORM) : null,
                raw.containsKey("snapshot") ? snapshotOption(raw.get("snapshot")) : null,
                schedule(raw, strategy),
                hunt(raw, strategy),
                raw.containsKey("weave-cache") ? nonEmpty("weave-cache", raw.get("weave-cache"), "off or a directory")
                        : null,
                choice("unmatched", raw.getOrDefault("unmatched", "error"), Unmatched.class));
    }

    /**
     * These options with {@code overrides} (agent-argument form) put over them, validated as a whole as
     * {@link #parse} would; the seed stays unless overridden.
     *
     * @throws BadConfiguration naming the first bad option
     */
    public AgentOptions with(String overrides) {
        Map<String, String> raw = effective();
        Map<String, String> given = split(overrides);
        if (given.containsKey("strategy") && !given.get("strategy").equals(strategy.id())) {
            // Options of the loaded strategy alone would be refused under another.
            raw.keySet().removeAll(List.of("pairs", "on-race", "order", "script"));
        }
        raw.putAll(given);
        return parse(join(raw));
    }

    /**
     * These options completed by the profile they name: its fault types and snapshot method where no option gave
     * them.
     *
     * @param source          how messages name the profile, e.g. {@code points file my.points}
     * @param profileFaults   the profile's fault types, or null when it names none
     * @param profileSnapshot the profile's snapshot method, or null when it names none
     *                        (then a fault is an exception that escapes a thread uncaught, see {@link #faultTypes})
     */
    public AgentOptions withProfile(String source, String profileFaults, String profileSnapshot) {
        String types = faultType != null ? faultType : profileFaults;
        String snap = snapshot != null ? snapshot : profileSnapshot != null ? profileSnapshot : NO_SNAPSHOT;
        return new AgentOptions(seed, strategy, p, pause, durationNanos, points, dumpDir, onFault, ring,
                hangTimeoutNanos, log, logFile, types, snap, schedule, hunt, weaveCache, unmatched);
    }

    /** Whether {@code points} names a profile on the class path rather than a file. */
    public static boolean isProfileName(String points) {
        return !isAuto(points) && PROFILE_NAME.matcher(points).matches() && !Files.isRegularFile(Path.of(points));
    }

    /** Whether {@code text} is a fault-type value ({@code Class|Class...}). */
    public static boolean isFaultTypes(String text) {
        return FAULT_TYPES.matcher(text).matches();
    }

    /** Whether {@code text} is a snapshot value ({@code Class#method} or {@code none}). */
    public static boolean isSnapshot(String text) {
        return text.equals(NO_SNAPSHOT) || STATIC_METHOD.matcher(text).matches();
    }

    /**
     * The exception classes whose construction is a fault; none when neither the options nor the profile name one,
     * and then a fault is any exception that escapes a thread uncaught.
     */
    public List<String> faultTypes() {
        return faultType == null ? List.of() : List.of(faultType.split("\\|"));
    }

    /** Whether {@code points} asks for automatic points ({@code auto} or {@code auto:SCOPE}). */
    public static boolean isAuto(String points) {
        return points.equals(AUTO_POINTS) || points.startsWith(AUTO_POINTS + ":");
    }

    /** Every option with its effective value, in documentation order; what the dump records and attach passes on. */
    public Map<String, String> effective() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seed", Long.toString(seed));
        m.put("strategy", strategy.id());
        m.put("p", Double.toString(p));
        m.put("pause", pause.id());
        m.put("duration", Durations.format(durationNanos));
        m.put("points", points);
        m.put("dump-dir", dumpDir);
        m.put("on-fault", onFault.id());
        m.put("ring", Integer.toString(ring));
        m.put("hang-timeout", Durations.format(hangTimeoutNanos));
        m.put("log", log.id());
        if (logFile != null) {
            m.put("log-file", logFile);
        }
        if (faultType != null) {
            m.put("fault-type", faultType);
        }
        if (snapshot != null) {
            m.put("snapshot", snapshot);
        }
        m.put("search", schedule.search().id());
        m.put("pct-depth", Integer.toString(schedule.pctDepth()));
        m.put("pct-steps", Long.toString(schedule.pctSteps()));
        m.put("stall", Durations.format(schedule.stallNanos()));
        if (schedule.script() != null) {
            m.put("script", schedule.script());
        }
        if (strategy == StrategyKind.HUNT) {
            if (hunt.pairs() != null) {
                m.put("pairs", hunt.pairs());
            }
            m.put("on-race", hunt.onRace().id());
            m.put("order", hunt.order().id());
        }
        if (weaveCache != null) {
            m.put("weave-cache", weaveCache);
        }
        m.put("unmatched", unmatched.id());
        return m;
    }

    /** The effective options as an agent argument string that {@link #parse} turns back into these options. */
    public String render() {
        return join(effective());
    }

    private static String join(Map<String, String> options) {
        StringBuilder b = new StringBuilder();
        options.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    /** These options with paths made absolute against this process's working directory, for another process. */
    public AgentOptions absolutePaths() {
        String pts = isProfileName(points) || isAuto(points) ? points : Path.of(points).toAbsolutePath().toString();
        return new AgentOptions(seed, strategy, p, pause, durationNanos, pts,
                Path.of(dumpDir).toAbsolutePath().toString(), onFault, ring, hangTimeoutNanos, log,
                logFile == null ? null : Path.of(logFile).toAbsolutePath().toString(), faultType, snapshot,
                schedule.absolutePaths(), hunt.absolutePaths(),
                weaveCache == null || weaveCache.equals("off") ? weaveCache : Path.of(weaveCache).toAbsolutePath()
                        .toString(), unmatched);
    }

    private static Map<String, String> split(String args) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (args == null || args.isBlank()) {
            return raw;
        }
        for (String item : args.split(",", -1)) {
            int eq = item.indexOf('=');
            String name = (eq < 0 ? item : item.substring(0, eq)).trim();
            if (!NAMES.contains(name)) {
                throw new BadConfiguration("unknown option '" + name + "'; valid options: "
                        + String.join(", ", NAMES));
            }
            if (eq < 0) {
                throw new BadConfiguration("option '" + name + "' needs a value: " + name + "=VALUE");
            }
            if (raw.put(name, item.substring(eq + 1).trim()) != null) {
                throw new BadConfiguration("option '" + name + "' is given twice; give it once");
            }
        }
        return raw;
    }

    private static BadConfiguration bad(String name, String value, String valid) {
        return new BadConfiguration("bad option " + name + "=" + value + "; valid: " + valid);
    }

    private static long seed(String text) {
        try {
            return text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw bad("seed", text, "a 64-bit integer, decimal or 0x-hex");
        }
    }

    private static <E extends Enum<E>> E choice(String name, String text, Class<E> type) {
        return choice(name, text, id -> Choice.byId(type, id), Choice.ids(type));
    }

    private static <T> T choice(String name, String text, Function<String, T> byId, String valid) {
        T v = byId.apply(text);
        if (v == null) {
            throw bad(name, text, valid);
        }
        return v;
    }

    private static double probability(String text) {
        try {
            double v = Double.parseDouble(text);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with what is valid
        }
        throw bad("p", text, "a probability, a number from 0 to 1");
    }

    private static long duration(String name, String text, boolean zeroAllowed) {
        long nanos = Durations.parseNanos(text);
        if (nanos > 0 || (nanos == 0 && zeroAllowed)) {
            return nanos;
        }
        throw bad(name, text, zeroAllowed ? DURATION_FORM + ", or 0 for none" : DURATION_FORM + ", above 0");
    }

    private static String points(String text) {
        if (!isAuto(text) && !isProfileName(text) && !Files.isRegularFile(Path.of(text))) {
            throw bad("points", text, BUILT_IN_PROFILE + " or another profile name (found on the class path as "
                    + "wedge/profiles/NAME.points), the path of an existing points file, or auto[:SCOPE]");
        }
        return text;
    }

    private static String nonEmpty(String name, String text, String valid) {
        if (text.isEmpty()) {
            throw bad(name, text, valid);
        }
        return text;
    }

    private static int ring(String text) {
        try {
            int v = Integer.parseInt(text);
            if (v >= 1 && v <= MAX_RING) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with what is valid
        }
        throw bad("ring", text, "a whole number of events from 1 to " + MAX_RING);
    }

    private static String snapshotOption(String text) {
        if (!isSnapshot(text)) {
            throw bad("snapshot", text, SNAPSHOT_FORM);
        }
        return text;
    }

    private static String matching(String name, String text, Pattern form, String valid) {
        if (!form.matcher(text).matches()) {
            throw bad(name, text, valid);
        }
        return text;
    }

    private static ScheduleOptions schedule(Map<String, String> raw, StrategyKind strategy) {
        String script = raw.containsKey("script") ? nonEmpty("script", raw.get("script"), "a script file path") : null;
        if (script != null && !Files.isRegularFile(Path.of(script))) {
            throw bad("script", script, "the path of an existing script file");
        }
        if ((script != null) != (strategy == StrategyKind.SCRIPT)) {
            throw new BadConfiguration(script == null ? "strategy=script needs script=FILE"
                    : "option script needs strategy=script");
        }
        return new ScheduleOptions(
                choice("search", raw.getOrDefault("search", "random"), SearchKind::byId, SearchKind.ids()),
                (int) count("pct-depth", raw.getOrDefault("pct-depth", "3"), 1, 64),
                count("pct-steps", raw.getOrDefault("pct-steps", "20000"), 1, Long.MAX_VALUE),
                duration("stall", raw.getOrDefault("stall", "1s"), false),
                script);
    }

    private static HuntOptions hunt(Map<String, String> raw, StrategyKind strategy) {
        if (strategy != StrategyKind.HUNT) {
            for (String name : List.of("pairs", "on-race", "order")) {
                if (raw.containsKey(name)) {
                    throw new BadConfiguration("option " + name + " needs strategy=hunt");
                }
            }
        }
        return new HuntOptions(
                raw.containsKey("pairs") ? nonEmpty("pairs", raw.get("pairs"), "none or a file path") : null,
                choice("on-race", raw.getOrDefault("on-race", "continue"), OnRace.class),
                choice("order", raw.getOrDefault("order", "free"), RaceOrder.class));
    }

    private static long count(String name, String text, long min, long max) {
        try {
            long v = Long.parseLong(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with what is valid
        }
        throw bad(name, text, "a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max));
    }

}
