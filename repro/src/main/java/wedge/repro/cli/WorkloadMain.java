package wedge.repro.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import wedge.allocator.AllocatorConfig;
import wedge.allocator.SegmentationFault;
import wedge.allocator.TinyHeap;
import wedge.contract.ExitStatus;
import wedge.contract.ParentWatch;
import wedge.repro.workload.Workload;
import wedge.repro.workload.WorkloadResult;
import wedge.repro.workload.Workloads;

/**
 * A workload as its own program: what {@code wedge run} starts in a child JVM, with the agent attached the way a
 * user attaches it to theirs.
 *
 * <p>It dies the way a C program does: a {@link SegmentationFault} that escapes a thread halts the JVM with status
 * 139 (SIGSEGV), any other escaped error with 134 (SIGABRT, as glibc aborts on a bad {@code free}). The agent,
 * when attached, captures the fault first and writes the dump.
 */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = "Runs one workload on the allocator in this JVM.")
public final class WorkloadMain implements Callable<Integer> {
    /**
     * How often the workload reports the operations it has completed: a run that faults is credited with the last
     * report before the fault, so this bounds how much of its work goes uncounted.
     */
    private static final long PROGRESS_MILLIS = 100;

    @Parameters(index = "0", description = "larson, xthread or scenario")
    private String workload;

    @Parameters(index = "1..*", arity = "0..*", description = "larson: sleep_cnt min max chperthread rounds seed "
            + "threads")
    private List<String> larsonArgs = List.of();

    @Mixin
    private AllocatorOptions allocator;

    /** xthread's run: its producers (and as many consumers); Larson takes its own seven numbers. */
    @Mixin
    private LoadOptions load;

    @Spec
    private CommandSpec spec;

    /** The workload under way and its heap, for a batch child that stops the seed and drops its heap. */
    private volatile Workload running;
    private volatile TinyHeap heap;

    /** Runs the workload named by {@code args} and exits; see the class comment for the statuses. */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(WorkloadMain::die);
        ParentWatch.startIfAsked();
        System.exit(new CommandLine(new WorkloadMain()).execute(args));
    }

    private static void die(Thread t, Throwable e) {
        PrintStream err = System.err;
        err.println("Exception in thread \"" + t.getName() + "\" " + e);
        e.printStackTrace(err);
        err.flush();
        Runtime.getRuntime().halt(e instanceof SegmentationFault ? ExitStatus.FAULT : ExitStatus.ABORT);
    }

    /**
     * This command with {@code args} parsed, to be called on a thread of a batch child's seed.
     *
     * @throws CommandLine.ParameterException naming a bad argument
     */
    static WorkloadMain parse(List<String> args) {
        WorkloadMain m = new WorkloadMain();
        new CommandLine(m).parseArgs(args.toArray(String[]::new));
        return m;
    }

    /** Asks the workload under way, if any, to end early (see {@link Workload#stop}). */
    void stop() {
        Workload w = running;
        if (w != null) {
            w.stop();
        }
    }

    /** Leaves the heap of this command's run out of later dumps (see {@link TinyHeap#retire}). */
    void retire() {
        TinyHeap h = heap;
        if (h != null) {
            h.retire();
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        AllocatorConfig config = allocator.config();
        System.setProperty("wedge.preset", config.name());
        Workload w;
        try {
            heap = new TinyHeap(config);
            w = Workloads.create(workload, heap, larsonArgs, load.threads(spec), load.seconds(spec), load.seed());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        running = w;
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wedge-progress");
            t.setDaemon(true);
            return t;
        });
        progress.scheduleAtFixedRate(() -> System.out.println("progress ops=" + w.ops()), PROGRESS_MILLIS,
                PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
        WorkloadResult r;
        try {
            r = w.run();
        } finally {
            progress.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "Throughput = %8.0f operations per second%n", r.throughput());
        System.out.printf(Locale.ROOT, "workload=%s ops=%d elapsed_ms=%d%n", workload, r.ops(),
                r.elapsedNs() / 1_000_000);
        if (w.check() != null) {
            System.out.println(w.check().line());
        }
        return ExitCodes.OK;
    }
}
