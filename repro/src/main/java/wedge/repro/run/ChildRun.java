package wedge.repro.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.contract.ExitStatus;
import wedge.repro.dump.BadDump;
import wedge.repro.dump.DumpFile;
import wedge.repro.dump.HeapMap;

/**
 * Runs one {@link RunSpec} in a child JVM, with the agent attached as a user attaches it to their own program, and
 * tells what came of it from the dump the agent wrote, or, without one, from the child's exit status and stderr.
 */
public final class ChildRun {
    /** How long past its run time a child may take (start-up, weaving, writing a dump) before it is killed. */
    private static final long GRACE_SECONDS = 30;
    private static final int STDERR_TAIL_LINES = 12;
    /**
     * Events a dump keeps unless the user says otherwise: more than the agent's default, because in Larson the
     * lost update and the fault it causes can lie several thousand events apart, and the reader can only show a
     * race whose steps are in the dump.
     */
    private static final int RING = 16384;
    private static final Pattern OPS = Pattern.compile("\\bops=(\\d+)");
    private static final Pattern THROUGHPUT = Pattern.compile("^Throughput = +(\\d+)", Pattern.MULTILINE);
    private static final Pattern SCRIPT = Pattern.compile("^wedge-agent: script .*: (\\d+) of (\\d+) steps reached(?:; "
            + "(.*))?$", Pattern.MULTILINE);
    private static final Pattern ESCAPED = Pattern.compile(
            "^Exception in thread \"[^\"]*\" (\\S+): (.*?(0x[0-9a-f]+).*)$", Pattern.MULTILINE);

    /**
     * JVM options of a child run under a scheduling strategy ({@code controlled}, {@code script}): one thread runs at
     * a time and a run lasts seconds, so C2's compilations and a parallel collector cost more CPU than they save
     * (they double a child's CPU time, mostly start-up), and the schedule does not depend on them.
     */
    private static final List<String> SCHEDULED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Installation installation;

    public ChildRun(Installation installation) {
        this.installation = installation;
    }

    /** The java command that runs {@code spec}. */
    public List<String> command(RunSpec spec) {
        List<String> cmd = new ArrayList<>();
        cmd.add(installation.java().toString());
        if (spec.agent().equals("controlled") || spec.agent().equals("script")) {
            cmd.addAll(SCHEDULED_JVM);
        }
        if (!spec.agent().equals("off")) {
            String strategy = spec.agent().equals("idle") ? "off" : spec.agent();
            StringBuilder opts = new StringBuilder("seed=").append(spec.seed()).append(",strategy=").append(strategy)
                    .append(",dump-dir=").append(spec.dumpDir().toAbsolutePath());
            if (spec.script() != null) {
                opts.append(",script=").append(spec.script().toAbsolutePath());
            }
            spec.agentOptions().forEach(o -> opts.append(',').append(o));
            if (spec.agentOptions().stream().noneMatch(o -> o.startsWith("ring="))) {
                opts.append(",ring=").append(RING);
            }
            cmd.add("-javaagent:" + installation.agentJar() + "=" + opts);
        }
        cmd.add("-Dwedge.replay=" + spec.command());
        cmd.add("-cp");
        cmd.add(installation.workloadClassPath());
        cmd.add("wedge.repro.cli.WorkloadMain");
        cmd.add(spec.workload());
        cmd.addAll(spec.workloadArgs());
        return cmd;
    }

    /** Runs {@code spec} to its end, or kills it past its run time plus a grace period. */
    public RunOutcome run(RunSpec spec) throws IOException, InterruptedException {
        Files.createDirectories(spec.dumpDir());
        Path out = Files.createTempFile("wedge-run-", ".out");
        Path err = Files.createTempFile("wedge-run-", ".err");
        try {
            long start = System.nanoTime();
            Process child = new ProcessBuilder(command(spec)).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            boolean ended = child.waitFor(spec.seconds() + GRACE_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                child.destroyForcibly().waitFor();
            }
            long ttrMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return judge(spec, child.pid(), ended ? child.exitValue() : -1, ttrMs, Files.readString(out),
                    Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private RunOutcome judge(RunSpec spec, long pid, int status, long ttrMs, String stdout, String stderr)
            throws IOException {
        long ops = lastOps(stdout);
        Matcher tp = THROUGHPUT.matcher(stdout);
        double throughput = tp.find() ? Double.parseDouble(tp.group(1)) : 0;
        Path dump = dumpOf(spec.dumpDir(), pid);
        if (dump != null) {
            try {
                JsonNode d = DumpFile.load(dump);
                String outcome = d.path("kind").asText().equals("hang") ? "hang" : "fault";
                JsonNode schedule = d.path("schedule");
                String script = schedule.has("reached") ? schedule.path("reached").asText() + "/"
                        + schedule.path("steps").asText() : null;
                return new RunOutcome(spec.seed(), outcome, Signature.of(d), ttrMs, ops, dump, throughput,
                        d.path("fault").path("message").asText(""), script);
            } catch (BadDump e) {
                return new RunOutcome(spec.seed(), "error", "bad-dump", ttrMs, ops, dump, throughput, e.getMessage(),
                        null);
            }
        }
        Matcher script = SCRIPT.matcher(stderr);
        boolean scripted = script.find();
        String progress = scripted ? script.group(1) + "/" + script.group(2) : null;
        if (status == 0) {
            return new RunOutcome(spec.seed(), "clean", "-", ttrMs, ops, null, throughput,
                    scripted && script.group(3) != null ? script.group(3) : "", progress);
        }
        if (status < 0) {
            return new RunOutcome(spec.seed(), "hang", "hang:timeout", ttrMs, ops, null, throughput,
                    "killed after " + (spec.seconds() + GRACE_SECONDS) + " s", progress);
        }
        Matcher escaped = ESCAPED.matcher(stderr);
        if (ExitStatus.died(status) && escaped.find()) {
            String signature = Signature.of(escaped.group(1), Long.decode(escaped.group(3)), HeapMap.defaults());
            return new RunOutcome(spec.seed(), "fault", signature, ttrMs, ops, null, throughput, escaped.group(2),
                    progress);
        }
        return new RunOutcome(spec.seed(), "error", "exit-" + status, ttrMs, ops, null, throughput, tail(stderr),
                progress);
    }

    private static long lastOps(String stdout) {
        Matcher m = OPS.matcher(stdout);
        long ops = 0;
        while (m.find()) {
            ops = Long.parseLong(m.group(1));
        }
        return ops;
    }

    /** The dump the child {@code pid} wrote: the agent names each {@code wedge-<kind>-<time>-<pid>.json}. */
    private static Path dumpOf(Path dir, long pid) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "wedge-*-" + pid + ".json")) {
            for (Path f : files) {
                return f;
            }
        }
        return null;
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
    }
}
