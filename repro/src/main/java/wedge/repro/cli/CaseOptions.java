package wedge.repro.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import wedge.repro.run.Program;
import wedge.repro.run.RunSpec;
import wedge.repro.workload.LarsonArgs;

/** What a run case is made of, shared by {@code run}, {@code sweep} and {@code verify-fix}. */
public final class CaseOptions {
    @Option(names = "--workload", defaultValue = "larson", description = "larson, xthread, or scenario (the scene "
            + "of the seed's race, for scripts/scenarios/seed-1.3.wedge) (default: ${DEFAULT-VALUE})")
    private String workload;

    @Mixin
    private AllocatorOptions allocator;

    @Option(names = "--seconds", defaultValue = "30", description = "run time cap of the workload (default: "
            + "${DEFAULT-VALUE})")
    private int seconds;

    @Option(names = "--threads", defaultValue = "10", description = "workload threads (default: ${DEFAULT-VALUE})")
    private int threads;

    @Option(names = "--agent", defaultValue = "noise", description = "noise (seeded random pauses), hunt (pauses only where two "
            + "threads were seen to nearly collide, and reports the other thread caught in the act), controlled (one "
            + "thread at a time, the seed picks which at every point: the same seed gives the same run), idle "
            + "(attached, nothing armed) or off (not attached); --script implies script (default: ${DEFAULT-VALUE})")
    private String agent;

    @Option(names = "--script", paramLabel = "FILE", description = "run one thread at a time in the interleaving FILE "
            + "states (format: docs/AGENT.md, \"Scripts\"; e.g. scripts/scenarios/seed-1.3.wedge)")
    private Path script;

    @Option(names = "--agent-option", paramLabel = "K=V", description = "a further agent option, e.g. p=0.05, or "
            + "search=pct and pct-depth=3 under --agent controlled (see docs/AGENT.md); repeatable")
    private List<String> agentOptions = new ArrayList<>();

    @Option(names = "--weave-cache", paramLabel = "off|DIR", description = "where the agent keeps the classes it "
            + "wove, so the next run serves them without weaving: off for nowhere (every run weaves anew), or a "
            + "directory (default: woven/ in the user cache, ~/.cache/wedge; docs/AGENT.md, \"The woven-class cache\")")
    private String weaveCache;

    @Option(names = "--dump-dir", defaultValue = "dumps", description = "where dumps go (default: ${DEFAULT-VALUE})")
    private Path dumpDir;

    @Option(names = "--larson-sizes", defaultValue = "8,128,1024,1", split = ",", paramLabel = "MIN,MAX,CH,ROUNDS",
            description = "Larson's min max chperthread rounds (default: ${DEFAULT-VALUE})")
    private List<Integer> larsonSizes;

    @Option(names = "--main", paramLabel = "CLASS", description = "run your program's main class instead of a "
            + "workload (with --classpath and --points); its arguments go after --")
    private String main;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "CP", description = "the class path of --main")
    private String classpath;

    @Option(names = "--jar", paramLabel = "JAR", description = "run your program's jar (its Main-Class) instead of "
            + "a workload (with --points)")
    private Path jar;

    @Option(names = "--entry", paramLabel = "CLASS#METHOD", description = "with --main: a public static method of "
            + "--classpath taking the seed (a long), which runs one seed; sweep, verify-fix and minimize then run "
            + "many seeds per JVM (--batch), calling it once per seed. Without it a program's main runs once per JVM, "
            + "as a main may keep static state from one run to the next")
    private String entry;

    @Option(names = "--points", paramLabel = "FILE|auto[:SCOPE]", description = "your program's profile: its points, "
            + "their roles, its fault types (docs/AGENT.md, \"Profiles\"); or auto: every plain field of the main "
            + "class's package and its sub-packages, auto:a.b.*,c.d.** for others, found by hunt (the default agent "
            + "then), which writes the fields it saw shared to wedge-discovered.points beside the dumps; with --main "
            + "or --jar")
    private String points;

    @Parameters(paramLabel = "ARGS", arity = "0..*", description = "your program's arguments, after --")
    private List<String> programArgs = new ArrayList<>();

    /** The allocator options, for commands that vary the preset. */
    AllocatorOptions allocator() {
        return allocator;
    }

    /**
     * The case under {@code seed}; a bad value, or a dump directory that cannot take a dump, is a usage error of
     * {@code cmd}.
     */
    RunSpec spec(CommandSpec cmd, long seed) {
        Usage.require(cmd, seconds >= 1, "--seconds must be at least 1, not " + seconds);
        Usage.require(cmd, threads >= 1 && threads <= 256, "--threads must be 1..256, not " + threads);
        Usage.require(cmd, larsonSizes.size() == 4, "--larson-sizes takes 4 numbers: MIN,MAX,CH,ROUNDS");
        try {
            new LarsonArgs(seconds, larsonSizes.get(0), larsonSizes.get(1), larsonSizes.get(2), larsonSizes.get(3),
                    seed, threads);
            Usage.require(cmd, script == null || agent.equals("noise") || agent.equals("script"),
                    "--script runs under --agent script, not " + agent + "; leave --agent out");
            Usage.require(cmd, script == null || Files.isRegularFile(script), "no script file " + script);
            Program program = program(cmd);
            RunSpec run = new RunSpec(workload, allocator.toArgs(), seed, seconds, threads,
                    script == null ? agentFor(cmd, program) : "script", withWeaveCache(cmd), dumpDir, larsonSizes,
                    script, program);
            OutputDirectoryCheck.dumps(cmd, dumpDir);
            return run;
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(cmd.commandLine(), e.getMessage());
        }
    }

    /**
     * The agent mode: {@code --agent} as given; when it is not given and the points are automatic, {@code hunt},
     * since blind noise would pause at every field of the scope.
     */
    private String agentFor(CommandSpec cmd, Program program) {
        boolean given = cmd.commandLine().getParseResult().hasMatchedOption("--agent");
        return !given && program != null && Program.isAuto(program.points()) ? "hunt" : agent;
    }

    /** The agent options, with {@code --weave-cache} as the agent's {@code weave-cache} (a directory made absolute). */
    private List<String> withWeaveCache(CommandSpec cmd) {
        if (weaveCache == null) {
            return agentOptions;
        }
        Usage.require(cmd, !weaveCache.isBlank() && !weaveCache.contains(","),
                "--weave-cache takes off or a directory path without commas, not '" + weaveCache + "'");
        List<String> options = new ArrayList<>(agentOptions);
        options.add("weave-cache=" + (weaveCache.equals("off") ? "off" : Path.of(weaveCache).toAbsolutePath()));
        return options;
    }

    /** The user's program these options name, checked; null when they name a built-in workload. */
    private Program program(CommandSpec cmd) {
        boolean given = main != null || jar != null || points != null || classpath != null || entry != null;
        if (!given) {
            Usage.require(cmd, programArgs.isEmpty(), "program arguments " + programArgs + " need --main or --jar");
            return null;
        }
        Usage.require(cmd, !cmd.commandLine().getParseResult().hasMatchedOption("--workload"),
                "--workload runs a built-in workload; --main, --jar and --points run your program: give one or the "
                        + "other");
        Usage.require(cmd, (main == null) != (jar == null), "give --main CLASS (with --classpath) or --jar JAR");
        Usage.require(cmd, points != null, "--points FILE (or --points auto) is required with --main or --jar: your "
                + "program's profile (docs/AGENT.md, \"Profiles\")");
        boolean auto = Program.isAuto(points);
        Usage.require(cmd, auto || Files.isRegularFile(Path.of(points)), "no points file " + points
                + "; give a points file, or auto[:SCOPE]");
        if (jar != null) {
            Usage.require(cmd, Files.isRegularFile(jar), "no jar " + jar);
        } else {
            Usage.require(cmd, classpath != null, "--main needs --classpath CP, where " + main + " is");
            Usage.require(cmd, ProgramClassPath.has(classpath, main), "class " + main + " not found on --classpath "
                    + classpath);
        }
        if (entry != null) {
            Usage.require(cmd, main != null, "--entry names a method on the --classpath of a --main program, not of a "
                    + "--jar");
            Usage.require(cmd, programArgs.isEmpty(), "--entry " + entry + " takes the seed only; the program "
                    + "arguments " + programArgs + " are for main, which --entry does not call");
            ProgramClassPath.requireEntry(cmd, classpath, entry);
        }
        return new Program(main, classpath == null ? null : ProgramClassPath.absolute(classpath), jar,
                auto ? points.replace(',', '|') : Path.of(points).toAbsolutePath().toString(), programArgs, entry);
    }
}
