package wedge.repro.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

import wedge.contract.ExitStatus;
import wedge.repro.dump.BadDump;
import wedge.repro.dump.DumpFile;
import wedge.repro.dump.HeapMap;

/**
 * Runs one {@link RunSpec} in a child JVM, with the agent attached as a user attaches it to their own program, and
 * tells what came of it from the dump the child's agent reports having written (or failing to write), or, without
 * one, from the child's exit status and stderr. The child's output goes through pipes, never files, so nothing of
 * a run is left behind however it ends; a stop of this process ({@link ChildProcesses}) ends the child too.
 */
public final class ChildRun {
    /** How long past its run time a child may take (stopping, writing a dump) before it is killed. */
    static final long GRACE_SECONDS = 30;
    /**
     * How much longer a child that has not yet reported progress may take: on a loaded machine a JVM with the agent
     * can take tens of seconds to start, and that is no hang. A workload that reports is held to its run time plus
     * the grace from its first report on; a program that never reports, to the sum of all three.
     */
    static final long START_SECONDS = 90;
    static final long POLL_MILLIS = 200;
    /** How long the child's output may take to drain after it ended: a grandchild may hold its pipes open. */
    static final long PIPE_WAIT_MILLIS = 5000;
    /** The agent's exit status when it refuses its options at start-up. */
    private static final int AGENT_REFUSED = 2;
    /** Signature prefix of a run whose JVM something outside it killed: {@code killed:SIGKILL}. */
    static final String KILLED = "killed:";
    /**
     * Signature prefix of a run that ended unfinished while the agent held threads in its pauses:
     * {@code paused:timeout} (ended at its time cap), {@code paused:exit-1} (the program gave up by itself).
     */
    static final String PAUSED = "paused:";
    /**
     * Events a dump keeps unless the user says otherwise: more than the agent's default, because in Larson the
     * lost update and the fault it causes can lie several thousand events apart, and the reader can only show a
     * race whose steps are in the dump.
     */
    private static final int RING = 16384;

    /**
     * JVM options of a child run under a scheduling strategy ({@code controlled}, {@code script}): one thread runs at
     * a time and a run lasts seconds, so C2's compilations and a parallel collector cost more CPU than they save
     * (they double a child's CPU time, mostly start-up), and the schedule does not depend on them.
     */
    private static final List<String> SCHEDULED_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The fields of a dump a result line reads, here and in {@link Signature#of(JsonNode)}: not the events. */
    private static final Set<String> RESULT_FIELDS = Set.of("kind", "fault", "races", "racesTotal", "schedule",
            "snapshot");

    private final Installation installation;

    public ChildRun(Installation installation) {
        this.installation = installation;
    }

    /** The java command that runs {@code spec}. */
    public List<String> command(RunSpec spec) {
        List<String> cmd = jvm(spec, List.of());
        cmd.add("-Dwedge.replay=" + spec.command());
        if (spec.program() != null) {
            cmd.addAll(spec.program().launch());
            return cmd;
        }
        cmd.add("-cp");
        cmd.add(installation.workloadClassPath());
        cmd.add("wedge.repro.cli.WorkloadMain");
        cmd.add(spec.workload());
        cmd.addAll(spec.workloadArgs());
        return cmd;
    }

    /**
     * The java launcher with the JVM options and the agent {@code spec} runs under, {@code more} agent options after
     * the user's: everything of a child's command before its system properties and main class.
     */
    List<String> jvm(RunSpec spec, List<String> more) {
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
            if (spec.program() != null) {
                opts.append(",points=").append(spec.program().points());
            }
            spec.agentOptions().forEach(o -> opts.append(',').append(o));
            more.forEach(o -> opts.append(',').append(o));
            if (spec.agentOptions().stream().noneMatch(o -> o.startsWith("ring="))) {
                opts.append(",ring=").append(RING);
            }
            cmd.add("-javaagent:" + installation.agentJar() + "=" + opts);
        }
        return cmd;
    }

    /**
     * Runs {@code spec} to its end, or kills it past its run time plus a grace period, counted from when its
     * workload began.
     *
     * @throws AgentRefused         when the agent refused its options and stopped the child before the workload
     * @throws InterruptedException when this process was told to stop, or the calling thread interrupted, before
     *                              the child ended; the child is killed then, and there is no result
     */
    public RunOutcome run(RunSpec spec) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process child = ChildProcesses.startJvm(command(spec));
        try {
            child.getOutputStream().close();
            ChildOutput output = new ChildOutput();
            ChildPipes pipes = ChildPipes.read(child, output);
            boolean ended = awaitEnd(child, output, start, spec.seconds() + GRACE_SECONDS);
            long ttrMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (!ended) {
                ChildProcesses.terminate(child);
            }
            pipes.awaitEnd(PIPE_WAIT_MILLIS);
            if (ChildProcesses.stopping()) {
                throw new InterruptedException("stopped before seed " + spec.seed() + " ended");
            }
            RunOutcome o = judge(spec, ended ? child.exitValue() : -1, ttrMs, output);
            return spec.agent().equals("hunt") ? o.withRaces(races(o, output)) : o;
        } catch (InterruptedException e) {
            ChildProcesses.kill(child);
            throw e;
        } finally {
            ChildProcesses.ended(child);
        }
    }

    /** Whether {@code child} ended within {@code capSeconds} of its workload's start (see {@link #START_SECONDS}). */
    private static boolean awaitEnd(Process child, ChildOutput output, long start, long capSeconds)
            throws InterruptedException {
        while (!child.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            long began = output.firstReportNanos();
            long deadline = began >= 0 ? began + TimeUnit.SECONDS.toNanos(capSeconds)
                    : start + TimeUnit.SECONDS.toNanos(capSeconds + START_SECONDS);
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * What came of {@code spec}, from what it printed and how it ended: {@code status} is the exit status of its JVM,
     * or -1 when it was ended at its time cap.
     */
    RunOutcome judge(RunSpec spec, int status, long ttrMs, ChildOutput out) {
        // A run cut short is credited with the workload's last report; a report of 0 then says only that the
        // count was not yet known, so it is no count at all.
        Long ops = status == 0 || out.ops() == null || out.ops() > 0 ? out.ops() : null;
        double throughput = out.throughput();
        DumpReport report = out.dump();
        if (report != null && report.path() != null) {
            Path dump = asGiven(spec.dumpDir(), report.path());
            try {
                JsonNode d = DumpFile.loadFields(dump, RESULT_FIELDS);
                String kind = d.path("kind").asText();
                String outcome = kind.equals("hang") || kind.equals("race") ? kind : "fault";
                JsonNode schedule = d.path("schedule");
                String script = schedule.has("reached") ? schedule.path("reached").asText() + "/"
                        + schedule.path("steps").asText() : null;
                return new RunOutcome(spec.seed(), outcome, Signature.of(d), ttrMs, ops, dump, null,
                        throughput, kind.equals("race") ? d.path("racesTotal").asText() + " race report(s)"
                                : d.path("fault").path("message").asText(""), script);
            } catch (BadDump e) {
                return new RunOutcome(spec.seed(), "error", "bad-dump", ttrMs, ops, dump, null, throughput,
                        e.getMessage(), null);
            }
        }
        Matcher script = out.script();
        String progress = script != null ? script.group(1) + "/" + script.group(2) : null;
        if (report != null) {
            String kind = report.kind();
            boolean hang = kind.equals("hang");
            return new RunOutcome(spec.seed(), hang || kind.equals("race") ? kind : "fault",
                    hang ? "hang" : report.signature(), ttrMs,
                    ops, null, report.reason(), throughput, out.tail(), progress);
        }
        Matcher check = out.heapCheck();
        if (status == 0 && check != null && !(check.group(1).equals("0") && check.group(2).equals("0"))) {
            return new RunOutcome(spec.seed(), "fault", check.group(2).equals("0") ? "heap:leaked" : "heap:double-alloc",
                    ttrMs, ops, null, null, throughput, "at the end " + check.group(1) + " blocks were leaked and "
                    + check.group(2) + " handed out twice", progress);
        }
        Matcher race = out.race();
        if (status == 0 && race != null) {
            return new RunOutcome(spec.seed(), "race", Signature.race(race.group(1)), ttrMs, ops, null, null,
                    throughput, race.group(0).substring("wedge-agent: ".length()), progress);
        }
        Matcher escapedFault = spec.agent().equals("off") ? FaultTypes.escaped(spec, out.escapedAny()) : null;
        if (escapedFault != null) {
            // No agent to capture it: a fault type that escaped main or a worker is the fault all the same.
            String message = escapedFault.group(2) == null ? "" : escapedFault.group(2);
            Matcher address = FaultTypes.ADDRESS.matcher(message);
            return new RunOutcome(spec.seed(), "fault", Signature.of(escapedFault.group(1),
                    address.find() ? Long.decode(address.group()) : null, HeapMap.defaults()), ttrMs, ops, null, null,
                    throughput, message, progress);
        }
        if (status == 0 && out.unarmedKind() != null) {
            return new RunOutcome(spec.seed(), "error", out.unarmedKind(), ttrMs, ops, null, null, throughput,
                    out.unarmed(), progress);
        }
        if (status == 0) {
            return new RunOutcome(spec.seed(), "clean", "-", ttrMs, ops, null, null, throughput,
                    script != null && script.group(3) != null ? script.group(3) : "", progress);
        }
        String cut = out.firstReportNanos() >= 0 ? "ended " + (spec.seconds() + GRACE_SECONDS)
                + " s after the workload began" : "ended " + (spec.seconds() + GRACE_SECONDS + START_SECONDS)
                + " s after start; the workload never reported";
        Integer paused = out.pausedAtExit();
        if (paused != null && status != 0 && Signals.killedBy(status) == null) {
            // A pause is the agent's doing, never a hang of the program: say what held it up instead.
            return new RunOutcome(spec.seed(), "error", PAUSED + (status < 0 ? "timeout" : "exit-" + status), ttrMs,
                    ops, null, null, throughput, (status < 0 ? cut : "exited " + status) + " while " + paused
                    + " thread(s) sat in the agent's pauses: the run could not finish within its time under them;"
                    + " give it more --seconds or shorter pauses (p, duration)", progress);
        }
        if (status < 0) {
            return new RunOutcome(spec.seed(), "hang", "hang:timeout", ttrMs, ops, null, null, throughput, cut,
                    progress);
        }
        String refusal = out.agentRefusal();
        if (status == AGENT_REFUSED && refusal != null && ops == null) {
            throw new AgentRefused(refusal);
        }
        Matcher escaped = out.escaped();
        if (ExitStatus.died(status) && escaped != null) {
            String signature = Signature.of(escaped.group(1), Long.decode(escaped.group(3)), HeapMap.defaults());
            return new RunOutcome(spec.seed(), "fault", signature, ttrMs, ops, null, null, throughput,
                    escaped.group(2), progress);
        }
        String signal = Signals.killedBy(status);
        return new RunOutcome(spec.seed(), "error", signal != null ? KILLED + signal : "exit-" + status, ttrMs, ops,
                null, null, throughput, out.tail(), progress);
    }

    /**
     * The race reports of a hunt run: the dump's count when it wrote one (a fault halts the JVM before the hunt's
     * closing line), else the closing line's; null when neither says.
     */
    private static Long races(RunOutcome o, ChildOutput output) {
        if (o.dump() != null) {
            try {
                JsonNode total = DumpFile.loadFields(o.dump(), Set.of("racesTotal")).path("racesTotal");
                if (total.isIntegralNumber()) {
                    return total.asLong();
                }
            } catch (BadDump e) {
                // the outcome already says the dump is bad
            }
        }
        return output.races();
    }

    /** {@code reported}, the agent's absolute path, written the way the user gave the dump directory. */
    private static Path asGiven(Path dir, Path reported) {
        return dir.toAbsolutePath().equals(reported.getParent()) ? dir.resolve(reported.getFileName()) : reported;
    }
}
