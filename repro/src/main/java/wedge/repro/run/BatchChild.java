package wedge.repro.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * A batch child JVM as its launcher sees it: started for one case, given seed after seed on its stdin, its output
 * split by seed ({@link BatchLines}) into one {@link ChildOutput} each, so that each seed is judged as a one-run
 * child of it would be. One seed at a time.
 */
final class BatchChild {
    /** How long a child whose stdin was closed has to end before it is killed. */
    private static final long CLOSE_WAIT_MILLIS = 5000;

    private final ChildRun launcher;
    private final String key;
    private final Process process;
    private final BufferedWriter stdin;
    private final long startNanos;
    /** What the child printed outside any seed: its start-up, the agent's refusal of its options. */
    private final ChildOutput between = new ChildOutput();
    private final ChildPipes pipes;
    private volatile Slot current;
    private Slot stdoutTarget;
    private Slot stderrTarget;
    private int seeds;

    /** How one seed of a batch child ended, as its launcher saw it. */
    record Ending(RunOutcome outcome, boolean died, boolean childOver) {
    }

    /** One seed's output and ending; filled by the two pipe readers. */
    private static final class Slot {
        final long seed;
        final ChildOutput output = new ChildOutput();
        final CountDownLatch ends = new CountDownLatch(2);
        volatile long beganNanos = -1;
        volatile int status;
        volatile long ms;
        volatile boolean endsBatch;

        Slot(long seed) {
            this.seed = seed;
        }
    }

    private BatchChild(Installation installation, ChildRun launcher, RunSpec spec)
            throws IOException, InterruptedException {
        this.launcher = launcher;
        this.key = key(spec);
        this.startNanos = System.nanoTime();
        this.process = ChildProcesses.startJvm(command(installation, launcher, spec));
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.pipes = ChildPipes.read(process, this::stdout, this::stderr);
    }

    /** Starts a batch child for {@code spec}'s case. */
    static BatchChild start(Installation installation, ChildRun launcher, RunSpec spec)
            throws IOException, InterruptedException {
        return new BatchChild(installation, launcher, spec);
    }

    /** The java command of a batch child for {@code spec}'s case. */
    static List<String> command(Installation installation, ChildRun launcher, RunSpec spec) {
        boolean ownOnFault = spec.agentOptions().stream().anyMatch(o -> o.startsWith("on-fault="));
        // a fault ends its seed, not the JVM: the capture writes the dump and the fault escapes its thread
        List<String> cmd = launcher.jvm(spec, ownOnFault ? List.of() : List.of("on-fault=throw"));
        cmd.add("-cp");
        cmd.add(installation.workloadClassPath());
        cmd.add("wedge.repro.cli.BatchMain");
        Program program = spec.program();
        if (program != null) {
            cmd.add(program.entry());
            cmd.add(program.classpath());
        }
        return cmd;
    }

    /** What a child must share with {@code spec} to run it: everything but the seed and a script's file. */
    private static String key(RunSpec spec) {
        RunSpec s = spec.script() == null ? spec : spec.withScript(Path.of("-"));
        return s.caseKey() + " --dump-dir " + spec.dumpDir().toAbsolutePath();
    }

    /** Whether this child can run {@code spec}: alive, for the same case, and with fewer than {@code most} seeds run. */
    boolean takes(RunSpec spec, int most) {
        return process.isAlive() && seeds < most && key.equals(key(spec));
    }

    /**
     * Runs {@code spec} in this child and waits for its end: the end it marks, the child's death, or its time cap,
     * past which the child is ended.
     *
     * @throws InterruptedException when this process was told to stop before the seed ended; the child is killed
     */
    Ending run(RunSpec spec) throws InterruptedException {
        Slot slot = new Slot(spec.seed());
        current = slot;
        seeds++;
        long sent = System.nanoTime();
        try {
            stdin.write(request(spec).line());
            stdin.newLine();
            stdin.flush();
        } catch (IOException e) {
            // the child is gone: its death is judged below
        }
        try {
            boolean ended = awaitEnd(slot, spec, sent);
            boolean timedOut = !ended && process.isAlive();
            if (timedOut) {
                ChildProcesses.terminate(process);
            }
            if (!process.isAlive()) {
                pipes.awaitEnd(ChildRun.PIPE_WAIT_MILLIS);
                ChildProcesses.ended(process);
            }
            if (ChildProcesses.stopping()) {
                throw new InterruptedException("stopped before seed " + spec.seed() + " ended");
            }
            return ending(spec, slot, sent, ended, timedOut);
        } catch (InterruptedException e) {
            kill();
            throw e;
        }
    }

    /** Whether {@code slot} ended as the child marks it; false when the child died or passed the time cap first. */
    private boolean awaitEnd(Slot slot, RunSpec spec, long sent) throws InterruptedException {
        while (!slot.ends.await(ChildRun.POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive()) {
                // what it printed before it died may still be in the pipes
                pipes.awaitEnd(ChildRun.PIPE_WAIT_MILLIS);
                return slot.ends.getCount() == 0;
            }
            long began = slot.beganNanos;
            long cap = TimeUnit.SECONDS.toNanos(spec.seconds() + ChildRun.GRACE_SECONDS);
            long deadline = began >= 0 ? began + cap : sent + cap + TimeUnit.SECONDS.toNanos(ChildRun.START_SECONDS);
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
        }
        return true;
    }

    private Ending ending(RunSpec spec, Slot slot, long sent, boolean ended, boolean timedOut) {
        long from = slot.beganNanos >= 0 ? slot.beganNanos : sent;
        long ttrMs = ended ? slot.ms : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - from);
        Long startMs = seeds == 1 && slot.beganNanos >= 0
                ? TimeUnit.NANOSECONDS.toMillis(slot.beganNanos - startNanos) : null;
        if (ended) {
            RunOutcome o = launcher.judge(spec, slot.status, ttrMs, slot.output).inBatch(startMs);
            return new Ending(o, false, slot.endsBatch || !process.isAlive());
        }
        int status = timedOut ? -1 : process.exitValue();
        ChildOutput output = slot.beganNanos >= 0 ? slot.output : between;
        return new Ending(launcher.judge(spec, status, ttrMs, output).inBatch(startMs), !timedOut, true);
    }

    /** The request that runs {@code spec} in this child. */
    private static SeedRequest request(RunSpec spec) {
        String agent = null;
        if (!spec.agent().equals("off")) {
            agent = "seed=" + spec.seed() + (spec.script() == null ? ""
                    : ",script=" + spec.script().toAbsolutePath());
        }
        List<String> args = new ArrayList<>();
        if (spec.program() == null) {
            args.add(spec.workload());
            args.addAll(spec.workloadArgs());
        }
        return new SeedRequest(spec.seed(), agent, spec.command(), args);
    }

    private void stdout(String line) {
        stdoutTarget = route(line, stdoutTarget, between::stdout, true);
    }

    private void stderr(String line) {
        stderrTarget = route(line, stderrTarget, between::stderr, false);
    }

    /** Hands {@code line} to the seed whose output it belongs to; returns the seed whose output goes on. */
    private Slot route(String line, Slot target, Consumer<String> outside, boolean stdout) {
        Slot slot = current;
        Long begun = BatchLines.begun(line);
        if (begun != null && slot != null && begun == slot.seed) {
            if (slot.beganNanos < 0) {
                slot.beganNanos = System.nanoTime();
            }
            return slot;
        }
        Matcher end = BatchLines.ended(line);
        if (end != null && target != null && Long.parseLong(end.group(1)) == target.seed) {
            target.status = Integer.parseInt(end.group(2));
            target.ms = Long.parseLong(end.group(3));
            target.endsBatch |= end.group(4) != null;
            target.ends.countDown();
            return null;
        }
        if (target == null) {
            outside.accept(line);
        } else if (stdout) {
            target.output.stdout(line);
        } else {
            target.output.stderr(line);
        }
        return target;
    }

    /** Ends the child: no more seeds; it ends after the seed it runs, or is killed after a while. */
    void close() throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // the child is gone already
        }
        if (!process.waitFor(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            kill();
        }
        ChildProcesses.ended(process);
    }

    private void kill() throws InterruptedException {
        ChildProcesses.kill(process);
        ChildProcesses.ended(process);
    }
}
