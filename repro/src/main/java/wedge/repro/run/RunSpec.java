package wedge.repro.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One case to run: a workload on an allocator configuration, or a user's program, with or without the agent,
 * under a seed.
 *
 * @param workload     one of {@link #WORKLOADS}; ignored when {@code program} is given
 * @param allocator    the allocator options, as the workload takes them ({@code --preset P --switch ...})
 * @param seed         seed of the workload and of the agent
 * @param seconds      run time of the workload
 * @param threads      workload threads
 * @param agent        one of {@link #AGENT_MODES}
 * @param agentOptions further agent options ({@code k=v}), appended to Wedge's own
 * @param dumpDir      where the agent writes dumps
 * @param larsonSizes  Larson's {@code min max chperthread rounds}
 * @param script       the script file under agent mode {@code script}, else null
 * @param program      the user's program to run instead of the workload, else null
 */
public record RunSpec(String workload, List<String> allocator, long seed, int seconds, int threads, String agent,
                      List<String> agentOptions, Path dumpDir, List<Integer> larsonSizes, Path script,
                      Program program) {

    /** Workloads {@code wedge run} knows. */
    public static final List<String> WORKLOADS = List.of("larson", "xthread", "scenario");
    /**
     * Agent modes: {@code noise} armed with seeded pauses, {@code hunt} pauses only where threads were seen to
     * nearly collide, trapping the other thread, {@code controlled} one thread at a time chosen by the
     * seed, {@code script} one thread at a time as a script says, {@code idle} attached with nothing armed,
     * {@code off} not attached.
     */
    public static final List<String> AGENT_MODES = List.of("noise", "hunt", "controlled", "script", "idle", "off");

    public RunSpec {
        if (!WORKLOADS.contains(workload)) {
            throw new IllegalArgumentException("unknown workload '" + workload + "'; valid workloads: "
                    + String.join(", ", WORKLOADS));
        }
        if (!AGENT_MODES.contains(agent)) {
            throw new IllegalArgumentException("unknown agent mode '" + agent + "'; valid: "
                    + String.join(", ", AGENT_MODES));
        }
        if ((script != null) != agent.equals("script")) {
            throw new IllegalArgumentException(script == null ? "agent mode script needs a script file (--script)"
                    : "--script runs under agent mode script, not " + agent);
        }
        allocator = List.copyOf(allocator);
        agentOptions = List.copyOf(agentOptions);
        larsonSizes = List.copyOf(larsonSizes);
    }

    /** This case under another seed. */
    public RunSpec withSeed(long other) {
        return new RunSpec(workload, allocator, other, seconds, threads, agent, agentOptions, dumpDir, larsonSizes,
                script, program);
    }

    /** This case on another allocator configuration. */
    public RunSpec withAllocator(List<String> other) {
        return new RunSpec(workload, other, seed, seconds, threads, agent, agentOptions, dumpDir, larsonSizes,
                script, program);
    }

    /** This case under agent mode {@code script}, following {@code file}. */
    public RunSpec withScript(Path file) {
        return new RunSpec(workload, allocator, seed, seconds, threads, "script", agentOptions, dumpDir, larsonSizes,
                file, program);
    }

    /** The arguments of the workload program after its name. */
    List<String> workloadArgs() {
        List<String> args = new ArrayList<>(allocator);
        if (workload.equals("larson")) {
            args.add(Integer.toString(seconds));
            larsonSizes.forEach(n -> args.add(n.toString()));
            args.add(Long.toString(seed));
            args.add(Integer.toString(threads));
        } else if (workload.equals("xthread")) {
            args.addAll(List.of("--seconds", Integer.toString(seconds), "--threads", Integer.toString(threads),
                    "--seed", Long.toString(seed)));
        }
        return args;
    }

    /** The allocator preset this case runs on; {@code -} for a user's program. */
    public String preset() {
        if (program != null) {
            return "-";
        }
        int i = allocator.indexOf("--preset");
        return i >= 0 && i + 1 < allocator.size() ? allocator.get(i + 1) : "buggy";
    }

    /** Everything that defines the case but the seed, as {@code wedge run} options: results of one case share it. */
    public String caseKey() {
        StringBuilder b = new StringBuilder();
        if (program == null) {
            b.append("--workload ").append(workload);
            allocator.forEach(a -> b.append(' ').append(a));
            b.append(" --seconds ").append(seconds).append(" --threads ").append(threads);
        } else {
            b.append("--seconds ").append(seconds);
        }
        if (script == null) {
            b.append(" --agent ").append(agent);
        }
        if (script != null) {
            b.append(" --script ").append(script.toAbsolutePath());
        }
        agentOptions.forEach(o -> b.append(" --agent-option ").append(o));
        if (program != null) {
            b.append(' ').append(program.options());
        } else if (workload.equals("larson")) {
            b.append(" --larson-sizes ").append(larsonSizes.get(0));
            larsonSizes.subList(1, 4).forEach(n -> b.append(',').append(n));
        }
        return b.toString();
    }

    /** The {@code wedge run} command line that runs this case again under this seed. */
    public String command() {
        String key = caseKey();
        int args = program == null ? -1 : key.indexOf(" -- ");
        return args < 0 ? "scripts/wedge run " + key + " --seed " + seed
                : "scripts/wedge run " + key.substring(0, args) + " --seed " + seed + key.substring(args);
    }
}
