package wedge.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import wedge.allocator.TinyHeap;
import wedge.contract.Hex;

/** Runs a child JVM the way a user would: the shaded agent jar, the allocator and the test workload. */
final class ChildJvm {
    /** The shaded agent jar, built by the package phase. */
    static final Path AGENT_JAR = Path.of(System.getProperty("wedge.agent.jar", "target/wedge-agent.jar"));
    /** A scratch directory for dumps and point files. */
    static final Path WORK = Path.of(System.getProperty("wedge.test.dir", "target/it-work"));

    private ChildJvm() {
    }

    /** An empty scratch directory {@code name} under {@link #WORK}: what an earlier run left there is removed. */
    static Path freshDir(String name) throws IOException {
        Path dir = WORK.resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** The JVM the tests run on, so a JDK 25 build tests the agent on JDK 25. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The child's class path: the allocator with the contract it depends on, and the test workload, never the agent's own classes (they must come
     * only from the shaded jar, or the JVM would load the unshaded copies first).
     */
    static String classPath() {
        return String.join(java.io.File.pathSeparator, location(TinyHeap.class), location(Hex.class),
                location(CrossFreeWorkload.class));
    }

    /** A command line: java, the agent with {@code agentArgs} (none when null), the workload with its arguments. */
    static List<String> workload(String agentArgs, String... workloadArgs) {
        return command(agentArgs, CrossFreeWorkload.class, workloadArgs);
    }

    /** A command line: java, the agent with {@code agentArgs} (none when null), {@code main} with its arguments. */
    static List<String> command(String agentArgs, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        if (agentArgs != null) {
            cmd.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + "=" + agentArgs);
        }
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code cmd} with the JVM option {@code option} put right after the {@code java} command. */
    static List<String> withJvmOption(List<String> cmd, String option) {
        return Stream.concat(Stream.of(cmd.get(0), option), cmd.stream().skip(1)).toList();
    }

    /** Runs {@code cmd} to its end, or kills it after {@code seconds}; output goes to files under {@code dir}. */
    static Result run(List<String> cmd, Path dir, long seconds) throws IOException, InterruptedException {
        return run(cmd, Map.of(), dir, seconds);
    }

    /** As {@link #run(List, Path, long)}, with {@code env} added to the child's environment. */
    static Result run(List<String> cmd, Map<String, String> env, Path dir, long seconds)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        return new Result(ended ? p.exitValue() : -1, Files.readString(out), Files.readString(err));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How a child ended.
     *
     * @param status exit status, -1 when it was killed at the time limit
     */
    record Result(int status, String stdout, String stderr) {
        /** Lines of stderr, without the JVM's own warnings (lines starting with the VM's name). */
        List<String> agentErrorLines() {
            return stderr.lines().filter(l -> !l.isBlank() && !l.startsWith("OpenJDK 64-Bit Server VM warning"))
                    .toList();
        }
    }
}
