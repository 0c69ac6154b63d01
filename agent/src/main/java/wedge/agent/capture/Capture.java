package wedge.agent.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.OnFault;
import wedge.agent.config.OnRace;
import wedge.agent.jfr.DumpWrittenEvent;
import wedge.agent.jfr.FaultEvent;
import wedge.agent.jfr.JfrState;
import wedge.agent.jfr.Recordings;
import wedge.agent.log.Log;
import wedge.agent.points.Point;
import wedge.agent.runtime.EventLog;
import wedge.agent.runtime.FaultHandler;
import wedge.agent.runtime.RaceHandler;
import wedge.agent.runtime.RaceLog;
import wedge.agent.runtime.Stopper;
import wedge.agent.runtime.Strategy;
import wedge.agent.runtime.ThreadRegistry;
import wedge.agent.runtime.ThreadState;
import wedge.agent.runtime.Thrown;
import wedge.contract.ExitStatus;
import wedge.contract.Hex;

/**
 * Turns the first fault (or a hang) into one dump, then ends the run as configured.
 *
 * <p>Invariant: at most one capture per JVM. The first fault wins; a fault in another thread while that capture
 * runs is recorded in the same dump as a secondary fault, and its thread waits for the capture to finish, so no
 * second, half-written dump ever appears. Order: at the fault type's constructor entry, stop the other threads at
 * their next point; once the fault is complete, wait for them, take the snapshot, read the events, write the dump,
 * then halt or let the fault propagate.
 */
public final class Capture implements FaultHandler, RaceHandler {
    /** How long a capture waits for the other threads to reach a point. */
    static final long STOP_WAIT_MILLIS = 250;

    private final AgentOptions options;
    private final ThreadRegistry threads;
    private final Stopper stopper;
    private final DumpDocument document;
    private final SnapshotSource snapshots;
    private final Path dumpDir;
    private final DumpFiles files;
    private final Strategy strategy;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Queue<FaultRecord> secondary = new ConcurrentLinkedQueue<>();
    private volatile Throwable primary;
    private volatile Path dump;
    private volatile Thread capturer;
    private volatile long beganNanos;

    /**
     * @param strategy the run's strategy, asked for its schedule record when a dump is written; null when points
     *                 are disarmed
     * @param races    the run's race reports, for the dump's {@code races}
     */
    public Capture(AgentOptions options, List<Point> points, ThreadRegistry threads, EventLog ring,
                   Stopper stopper, Strategy strategy, RaceLog races) {
        this.options = options;
        this.strategy = strategy;
        this.threads = threads;
        this.stopper = stopper;
        this.document = new DumpDocument(options, points, threads, ring, strategy, races);
        this.snapshots = new SnapshotSource(options.snapshot());
        this.dumpDir = Path.of(options.dumpDir());
        this.files = new DumpFiles(dumpDir);
    }

    /**
     * The dump this capture wrote last (a fault's, else a race's), waiting up to {@code millis} for a capture under way
     * to finish; null when there was none, or it could not be written.
     */
    public Path awaitDump(long millis) {
        if (started.get()) {
            try {
                finished.await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return dump;
    }

    /**
     * The run this capture served is over (its dump, if any, is written): it captures nothing more, and a hang
     * watchdog watching its events stands down, as they have stopped for good.
     */
    public void retire() {
        started.set(true);
        finished.countDown();
    }

    /** Whether a capture has begun; the hang watchdog stands down then. */
    public boolean started() {
        return started.get();
    }

    /**
     * The capture begins at the fault type's constructor entry: stop the others first, for every write they make
     * from here on blurs the heap the dump is meant to show. A thread entering while another's capture runs is dealt
     * with when its fault is complete, as a secondary fault.
     */
    @Override
    public void onFaultEntered() {
        begin();
    }

    @Override
    public void onFault(Throwable fault, ThreadState thread) {
        capture(fault, thread, FaultRecord.FAULT_TYPE, null);
    }

    /** A run without a fault type: the escape is the fault, and the capture begins there. */
    @Override
    public void onUncaught(Throwable fault, ThreadState thread, Thrown thrown) {
        if (capturer != Thread.currentThread()) {
            begin();
        }
        capture(fault, thread, FaultRecord.UNCAUGHT, thrown);
    }

    /**
     * A run without a fault type: an exit with a status other than 0 is the fault. The exit is no exception, so a
     * stand-in carries its message and the stack of the call, from the JDK's {@code exit} out; after the dump the
     * exit goes on with its own status.
     */
    @Override
    public void onExit(int status, ThreadState thread) {
        Throwable call = new Throwable("status " + status);
        StackTraceElement[] stack = call.getStackTrace();
        int from = 0;
        while (from < stack.length && !stack[from].getClassName().startsWith("java.")) {
            from++;
        }
        call.setStackTrace(Arrays.copyOfRange(stack, from == stack.length ? 0 : from, stack.length));
        if (capturer != Thread.currentThread()) {
            begin();
        }
        capture(call, thread, FaultRecord.EXIT_STATUS, null);
    }

    private void capture(Throwable fault, ThreadState thread, String rule, Thrown thrown) {
        if (fault == primary) {
            return;
        }
        if (finished.getCount() == 0) {
            Log.warn("fault after the dump was written, not captured: " + fault);
            return;
        }
        if (capturer == Thread.currentThread()) {
            if (primary != null) {
                return; // raised by the capture's own work (a snapshot of a broken heap): not the application's
            }
        } else if (!begin()) {
            secondaryFault(new FaultRecord(fault, thread, System.nanoTime(), rule, thrown));
            return;
        }
        primary = fault;
        FaultRecord record = new FaultRecord(fault, thread, beganNanos, rule, thrown);
        recordFault(record, fault, thread);
        try {
            stopper.awaitHeld(threads.all(), STOP_WAIT_MILLIS);
            Set<Thread> faulted = new HashSet<>();
            faulted.add(thread.thread);
            List<FaultRecord> others = new ArrayList<>(secondary);
            others.forEach(f -> faulted.add(f.thread()));
            Path json = write("fault", record, others, null, faulted, fault.getClass().getClassLoader());
            dump = json;
            Long address = record.address();
            Log.error(String.format("fault %s%s in thread %s (T%d); dump %s", record.simpleType(),
                    address == null ? "" : " at " + Hex.of(address), thread.thread.getName(), thread.ordinal, json));
        } catch (IOException | RuntimeException e) {
            unwritten("fault", record, e);
        } finally {
            if (options.onFault() == OnFault.EXIT && !record.isExit()) {
                halt(ExitStatus.FAULT);
            }
            finished.countDown();
            stopper.release();
        }
    }

    /**
     * Writes a hang dump and halts with {@link ExitStatus#ABORT}; does nothing when a capture is already under way.
     *
     * @param inside       threads found inside instrumented code, or the thread found spinning
     * @param stalledNanos how long no point was passed, or how long the thread spun
     * @param how          what was seen, for the log line: "no point passed for" (the time follows)
     */
    public void onHang(List<ThreadState> inside, long stalledNanos, String how) {
        if (!begin()) {
            return;
        }
        Map<String, Object> hang = new LinkedHashMap<>();
        hang.put("stalledMillis", TimeUnit.NANOSECONDS.toMillis(stalledNanos));
        List<Integer> ordinals = new ArrayList<>();
        Set<Thread> flagged = new HashSet<>();
        for (ThreadState t : inside) {
            ordinals.add(t.ordinal);
            flagged.add(t.thread);
        }
        hang.put("threads", ordinals);
        try {
            Path json = write("hang", null, List.of(), hang, flagged,
                    inside.isEmpty() ? null : inside.get(0).thread.getContextClassLoader());
            Log.error("hang: " + how + " " + hang.get("stalledMillis") + " ms while threads " + ordinals
                    + " were inside instrumented code; dump " + json);
        } catch (IOException | RuntimeException e) {
            unwritten("hang", null, e);
        } finally {
            halt(ExitStatus.ABORT);
        }
    }

    /**
     * Starts the one capture of this JVM on behalf of the calling thread, unless one has started: requests the stop,
     * then reads the clock. Events are stamped before their thread checks for a stop, so none stamped after
     * {@link #beganNanos} gets past it (see {@code Dispatcher}).
     *
     * @return whether the calling thread is now the capturer
     */
    private boolean begin() {
        if (!started.compareAndSet(false, true)) {
            return false;
        }
        capturer = Thread.currentThread();
        stopper.request();
        beganNanos = System.nanoTime();
        return true;
    }

    /**
     * The first race report: under {@code on-race=dump} a dump of kind {@code race} is written and the run goes on;
     * under {@code on-race=exit} the other threads are stopped first and the JVM halts after the dump.
     */
    @Override
    public void onFirstRace() {
        OnRace action = options.hunt().onRace();
        if (action == OnRace.CONTINUE) {
            return;
        }
        boolean exit = action == OnRace.EXIT;
        if (exit) {
            if (!begin()) {
                return;
            }
            stopper.awaitHeld(threads.all(), STOP_WAIT_MILLIS);
        } else if (started.get()) {
            return;
        }
        try {
            Path json = write("race", null, List.of(), null, Set.of(), Thread.currentThread().getContextClassLoader());
            dump = json;
            Log.warn("race reported; dump " + json);
        } catch (IOException | RuntimeException e) {
            unwritten("race", null, e);
        } finally {
            if (exit) {
                halt(ExitStatus.RACE);
            }
        }
    }

    private void halt(int status) {
        if (strategy != null) {
            strategy.close();
        }
        Recordings.writeBeforeHalt();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    private void recordFault(FaultRecord record, Throwable fault, ThreadState thread) {
        if (!JfrState.started()) {
            return;
        }
        Long address = record.address();
        FaultEvent.commit(record.type(), fault.getMessage(), address == null ? null : Hex.of(address),
                thread.ordinal, options.seed());
    }

    private void unwritten(String kind, FaultRecord fault, Exception e) {
        DumpLine.unwritten(kind, dumpDir, e instanceof IOException io ? DumpDirectory.reason(dumpDir, io) : e.toString(),
                fault);
    }

    private void secondaryFault(FaultRecord fault) {
        secondary.add(fault);
        try {
            finished.await(Stopper.HOLD_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path write(String kind, FaultRecord fault, List<FaultRecord> others, Map<String, Object> hang,
                       Set<Thread> flagged, ClassLoader appLoader) throws IOException {
        long writeBegan = System.nanoTime();
        DumpWrittenEvent event = JfrState.started() ? DumpWrittenEvent.begun() : null;
        Object snapshot = null;
        String snapshotError = null;
        try {
            snapshot = snapshots.take(appLoader, Thread.currentThread().getContextClassLoader());
        } catch (SnapshotSource.SnapshotFailure e) {
            snapshotError = e.getMessage();
        }
        Map<String, Object> doc = document.build(kind, fault, others, hang, snapshot, snapshotError, flagged);
        String base = DumpFiles.baseName(kind);
        Path path = files.write(base + ".json", out -> DumpJson.write(doc, out));
        long jsonNanos = System.nanoTime();
        DumpLine.written(kind, path);
        // The JSON is the dump; the summary beside it is a convenience whose loss loses nothing.
        try {
            byte[] summary = TextSummary.render(doc, path.getFileName().toString()).getBytes(StandardCharsets.UTF_8);
            files.write(base + ".txt", out -> out.write(summary));
        } catch (IOException e) {
            Log.warn("the text summary of " + path + " could not be written: " + DumpDirectory.reason(e));
        }
        if (event != null) {
            event.ended(path.toAbsolutePath().toString(), kind, options.seed());
        }
        long now = System.nanoTime();
        // How long a fault waits for its dump: the number docs/PERFORMANCE.md holds to 100 ms.
        long began = beganNanos == 0 ? writeBegan : beganNanos;
        Log.debug("dump " + kind + " written in " + TimeUnit.NANOSECONDS.toMillis(now - writeBegan)
                + " ms (snapshot and files); the JSON on disk " + TimeUnit.NANOSECONDS.toMillis(jsonNanos - began)
                + " ms and the summary " + TimeUnit.NANOSECONDS.toMillis(now - began) + " ms after the capture began");
        return path;
    }
}
