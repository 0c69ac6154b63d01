package wedge.agent.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import wedge.agent.config.HuntOptions;
import wedge.agent.config.RaceOrder;
import wedge.agent.jfr.JfrState;
import wedge.agent.jfr.RaceEvent;
import wedge.agent.log.LauncherLine;
import wedge.agent.log.Log;
import wedge.agent.points.Point;
import wedge.agent.points.PointKind;
import wedge.agent.runtime.RaceLog;
import wedge.agent.runtime.Strategy;
import wedge.agent.runtime.SubjectLabel;
import wedge.agent.runtime.ThreadState;
import wedge.agent.strategy.SplitMix64;

/**
 * Targeted injection in the line of TSVD, Waffle, RaceFuzzer and KCSAN: learn where two threads nearly collide,
 * pause only there, and catch the other thread in the act.
 *
 * <p>At every field point passed on an object: (1) the access is compared with the last one on that field of that
 * object: another thread, one a write, within the window, is a near miss, and both locations become pause sites;
 * (2) at a pause site, with the site's probability, and only if no other thread is paused on the object (a pause
 * is never injected against one already running), the thread sets a trap on the object and pauses for a time
 * sized to the pair's gaps; then a catch is a race report, and so is a re-read that differs; a pause that caught
 * nothing lowers the site's probability and lengthens its pause; until the run knows a pair, every field point is
 * a pause site with a small exploring probability, and an exploring pause that catches makes the pair; (3) last,
 * if another thread is paused on the same field of the same object and one of the two accesses is a write, this
 * access is caught: the race report's other side.
 *
 * <p>Invariant: whether a thread pauses at a pause site is a pure function of (seed, thread ordinal, point id, the
 * thread's hit count) and the site's probability; what is learned depends on timing, as in any free-running run.
 * No race report is inferred: each is an access seen while the other thread was paused at its own.
 */
public final class HuntStrategy implements Strategy {
    private static final double UNIT = 0x1.0p-53;

    private final long seed;
    private final List<Point> points;
    private final HuntOptions options;
    private final RaceLog races;
    private final int[] fieldOf;
    private final boolean[] writes;
    /**
     * Automatic points: the ordinal of the first thread seen at each field, -1 once a second thread was (a field one
     * thread alone keeps touching stops reaching the strategy, see {@code SoleThreads}). Plain ints: a lost update
     * costs one more pause.
     */
    private final int[] firstThread;
    private final Locations locations;
    private final PairTable pairs = new PairTable();
    private final NearMisses nearMisses = new NearMisses();
    private final Traps traps = new Traps();
    private final FieldReader reader;
    private final PairsFile pairsFile;
    private final Discovery discovery;
    /** The locations of the race reports made, for the discovered profile: a stale read makes no pair. */
    private final Set<Location> reported = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<long[]> gapOut = ThreadLocal.withInitial(() -> new long[1]);
    private final LongAdder nearMissCount = new LongAdder();
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong fruitless = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long firstNanos;
    private volatile Map<String, Object> firstPause;

    /**
     * @param points    the point table; hunting needs at least one field point
     * @param pairsFile the pairs as read at start (a named file or the user cache's), or null to keep none
     * @param shorten   turns a woven site ({@code Method#toString()}) into {@code Class#method}
     * @param discovery where to write the discovered profile at exit ({@code points=auto}), or null for nowhere
     */
    public HuntStrategy(long seed, List<Point> points, HuntOptions options, PairsFile pairsFile, RaceLog races,
                        UnaryOperator<String> shorten, Discovery discovery) {
        this.seed = seed;
        this.discovery = discovery;
        this.points = points;
        this.options = options;
        this.races = races;
        this.pairsFile = pairsFile;
        this.reader = new FieldReader(points);
        this.locations = new Locations(points, shorten);
        this.fieldOf = new int[points.size()];
        this.firstThread = new int[points.size()];
        this.writes = new boolean[points.size()];
        List<String> fields = new ArrayList<>();
        for (Point p : points) {
            boolean field = p.kind() == PointKind.FIELD_READ || p.kind() == PointKind.FIELD_WRITE;
            if (field && !fields.contains(p.target())) {
                fields.add(p.target());
            }
            fieldOf[p.id()] = field ? fields.indexOf(p.target()) : -1;
            writes[p.id()] = p.kind() == PointKind.FIELD_WRITE;
        }
        if (pairsFile != null) {
            if (pairsFile.ignored() != null) {
                Log.debug("hunt: cached pairs " + pairsFile.path() + " ignored: " + pairsFile.ignored());
            }
            load(pairsFile);
            if (!pairsFile.pairs().isEmpty()) {
                Log.info("hunt: " + pairsFile.pairs().size() + " pairs loaded from the " + pairsFile.source() + " "
                        + pairsFile.path());
            }
        }
    }

    /** Whether {@code points} has a field point, without which there is nothing to hunt. */
    public static boolean huntable(List<Point> points) {
        return points.stream().anyMatch(p -> p.kind() == PointKind.FIELD_READ || p.kind() == PointKind.FIELD_WRITE);
    }

    @Override
    public void at(ThreadState thread, int point, long hit, Object subject, long value, String site) {
        int field = fieldOf[point];
        if (field < 0 || subject == null) {
            return;
        }
        long now = System.nanoTime();
        if (firstNanos == 0) {
            firstNanos = now;
        }
        boolean write = writes[point];
        Location at = locations.of(point, site);
        long[] gap = gapOut.get();
        boolean sharing = discovery != null && sharedNow(field, thread.ordinal);
        // The access that shares a field meets the other thread's last one however long ago it ran alone with it
        // (up to the sharing pause): that is the first evidence the field is shared at all.
        Location near = nearMisses.see(subject, field, thread.ordinal, at, write, now,
                sharing ? HuntPolicy.SHARING_PAUSE_NANOS : HuntPolicy.WINDOW_NANOS, gap);
        if (near != null) {
            nearMissCount.increment();
            pairs.nearMiss(near, at, gap[0]);
        }
        // The chance first: most sites of a run that knows its pairs cannot pause, and then cost no draw.
        double chance = chance(at);
        if (sharing) {
            // The access that made the field shared: the first thread is at work on it right now (it was alone
            // with it a moment ago) and its accesses are points from here on, so this one pauses, once per field,
            // long enough to catch it: a race on a lazy initialisation has no second chance.
            chance = 1;
        }
        if (chance > 0 && traps.at(subject) == null && draw(thread.ordinal, point, hit) < chance) {
            hunt(thread, point, subject, field, at, write, value, sharing);
        }
        // Last, as close to the access as the hook gets: a trap set while this thread learned or paused still
        // catches it, which leaves the narrowest window for a conflicting access to slip past a trap.
        Trap set = traps.at(subject);
        if (set != null && set.conflicts(thread, subject, field, write)) {
            set.offer(thread, at, write, value);
        }
    }

    /** Whether thread {@code ordinal} is the second thread seen at {@code field}, the access that shares it. */
    private boolean sharedNow(int field, int ordinal) {
        int first = firstThread[field];
        if (first == 0) {
            firstThread[field] = ordinal;
        } else if (first > 0 && first != ordinal) {
            firstThread[field] = -1;
            return true;
        }
        return false;
    }

    /**
     * Sets a trap on {@code subject}, pauses, and reports what the pause caught or what changed under it.
     *
     * @param sharing whether this access made the field shared (automatic points): the longest pause
     */
    private void hunt(ThreadState thread, int point, Object subject, int field, Location at, boolean write,
                      long value, boolean sharing) {
        Trap trap = new Trap(thread, subject, field, at, write);
        if (!traps.set(trap)) {
            return;
        }
        long start = System.nanoTime();
        boolean exploring = !at.dangerous();
        long pause = sharing ? HuntPolicy.SHARING_PAUSE_NANOS : exploring ? HuntPolicy.EXPLORE_PAUSE_NANOS
                : at.pauseNanos();
        Long before = write ? reader.read(point, subject) : Long.valueOf(value);
        boolean forced;
        try {
            noteFirstPause(thread, at, start, exploring);
            at.pauses++;
            pauses.incrementAndGet();
            thread.pausing(true);
            forced = wait(trap, point, subject, before, write, start, pause);
        } finally {
            thread.pausing(false);
            traps.clear(trap);
        }
        Trap.Side caught = trap.caught();
        Long after = caught == null && before != null ? reader.read(point, subject) : null;
        if (caught == null && (after == null || after.equals(before))) {
            if (!exploring) {
                at.fruitless();
            }
            fruitless.incrementAndGet();
            return;
        }
        if (caught != null) {
            if (exploring) {
                // a catch is a near miss seen in the act: the two sites become a pair like any other
                pairs.nearMiss(at, caught.at(), caught.nanos() - start);
            }
            pairs.caught(at, caught.at());
        }
        at.caught();
        Trap.Side self = new Trap.Side(thread, at, write, value, start, new Throwable().getStackTrace());
        Map<String, Object> report = RaceReport.of(self, subject, points.get(point).target(), caught,
                caught == null ? after : null, pause, forced, start - firstNanos);
        flightRecord(report.get("kind"), subject, at, caught);
        reported.add(at);
        if (caught != null) {
            reported.add(caught.at());
        }
        races.report(report, RaceReport.line(report));
    }

    /**
     * The report as a flight-recorder event, in the paused thread, before the report can halt the JVM
     * ({@code on-race=exit}); the other side is empty for a stale read, where nobody was caught.
     */
    private static void flightRecord(Object kind, Object subject, Location at, Trap.Side caught) {
        if (!JfrState.started()) {
            return;
        }
        RaceEvent.commit(String.valueOf(kind), SubjectLabel.of(subject), at.pointName, at.site,
                caught == null ? null : caught.thread().thread.getName(), caught == null ? null : caught.at().pointName,
                caught == null ? null : caught.at().site);
    }

    /**
     * Pauses for {@code pause}; under {@code order=force} a reader is held on until a conflicting write has been
     * caught and has landed (the field no longer holds what the reader read), or the force limit passed.
     *
     * @return whether the pause ended because the forced order was reached
     */
    private boolean wait(Trap trap, int point, Object subject, Long before, boolean write, long start, long pause) {
        if (options.order() != RaceOrder.FORCE || write) {
            LockSupport.parkNanos(pause);
            return false;
        }
        long deadline = start + Math.max(pause, HuntPolicy.FORCE_LIMIT_NANOS);
        long slice = Math.max(HuntPolicy.MIN_PAUSE_NANOS, pause / 4);
        for (long now = System.nanoTime(); now - deadline < 0; now = System.nanoTime()) {
            Trap.Side c = trap.caught();
            if (c != null && c.write()) {
                Long current = reader.read(point, subject);
                if (current == null || !current.equals(before)) {
                    return true;
                }
            }
            LockSupport.parkNanos(Math.min(slice, deadline - now));
        }
        return false;
    }

    /**
     * The chance of a pause at {@code at}: its own once it belongs to a pair; before the run knows any pair, the
     * exploring chance at every field site, for a race whose accesses are too far apart to be seen nearly colliding
     * (see {@link HuntPolicy#EXPLORE_P}); after, none.
     */
    private double chance(Location at) {
        return at.dangerous() ? at.probability() : pairs.isEmpty() ? HuntPolicy.EXPLORE_P : 0;
    }

    private double draw(int ordinal, int point, long hit) {
        long h = SplitMix64.combine(SplitMix64.combine(SplitMix64.combine(seed ^ 0x68756e74L, ordinal), point), hit);
        return (h >>> 11) * UNIT;
    }

    private void noteFirstPause(ThreadState thread, Location at, long start, boolean exploring) {
        if (firstPause != null) {
            return;
        }
        synchronized (this) {
            if (firstPause == null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("thread", thread.ordinal);
                m.put("point", at.pointName);
                m.put("site", at.site);
                m.put("sinceFirstEventMillis", TimeUnit.NANOSECONDS.toMillis(start - firstNanos));
                m.put("nearMissesBefore", nearMissCount.sum());
                m.put("exploring", exploring);
                firstPause = m;
                Log.info("hunt: first pause at T" + thread.ordinal + " " + at.pointName + " in " + at.site + ", "
                        + m.get("sinceFirstEventMillis") + " ms after the first event, after " + m.get("nearMissesBefore")
                        + " near misses in this run" + (exploring ? ", exploring" : "") + (pairsFile == null ? ""
                        : " (" + pairsFile.pairs().size() + " pairs loaded from " + pairsFile.path() + ")"));
            }
        }
    }

    private void load(PairsFile file) {
        for (PairsFile.PairEntry e : file.pairs()) {
            Location a = locations.named(e.pointA(), e.siteA());
            Location b = locations.named(e.pointB(), e.siteB());
            Pair p = pairs.pair(a, b, "file");
            p.restore(e.nearMisses(), e.gapNanos(), e.caught());
            long pause = HuntPolicy.pauseFor(e.gapNanos());
            a.joinPair(pause);
            b.joinPair(pause);
        }
    }

    @Override
    public Map<String, Object> learned() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pairsSource", pairsFile == null ? HuntOptions.NO_PAIRS : pairsFile.source());
        m.put("pairsFile", pairsFile == null ? null : pairsFile.path().toString());
        m.put("pairsLoaded", pairsFile == null ? 0 : pairsFile.pairs().size());
        m.put("nearMisses", nearMissCount.sum());
        m.put("pauses", pauses.get());
        m.put("fruitless", fruitless.get());
        m.put("firstPause", firstPause);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Pair p : pairs.all()) {
            if (list.size() == RaceLog.KEPT) {
                break;
            }
            list.add(p.toMap());
        }
        m.put("pairs", list);
        return m;
    }

    /**
     * Where the profile discovered under {@code points=auto} goes, and the scope it was discovered in.
     *
     * @param dumpDir the run's dump directory
     * @param spec    the {@code points} value, {@code auto[:SCOPE]}
     */
    public record Discovery(Path dumpDir, String spec) {
    }

    /**
     * Writes the discovered profile and says where on stderr, for a launcher, whatever the log level:
     * {@code wedge-agent: discovered-written path="..." fields=N}.
     */
    private void writeDiscovered() {
        List<String> lines = DiscoveredProfile.render(discovery.spec(), seed, points, pairs.all(), reported);
        try {
            Path path = DiscoveredProfile.write(discovery.dumpDir(), lines);
            long fields = lines.stream().filter(l -> l.startsWith("field-read")).count();
            LauncherLine.print("discovered-written path=" + LauncherLine.quoted(path.toString()) + " fields=" + fields);
        } catch (IOException e) {
            Log.error("hunt: cannot write the discovered profile into " + discovery.dumpDir() + ": " + e);
        }
    }

    /** Writes the pairs back where they were read from, once, and logs what the hunt did. */
    @Override
    public void close() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        Log.info("hunt: " + races.total() + " race reports, " + pauses.get() + " pauses (" + fruitless.get()
                + " fruitless), " + nearMissCount.sum() + " near misses, " + pairs.all().size() + " pairs");
        if (discovery != null) {
            writeDiscovered();
        }
        if (pairsFile == null) {
            return;
        }
        List<String> pairLines = new ArrayList<>();
        for (Pair p : pairs.all()) {
            pairLines.add(p.line());
        }
        try {
            PairsFile.write(pairsFile.path(), pairLines);
            Log.info("hunt: " + pairLines.size() + " pairs written to the " + pairsFile.source() + " "
                    + pairsFile.path());
        } catch (IOException e) {
            String message = "hunt: cannot write the pairs " + pairsFile.source() + " " + pairsFile.path() + ": " + e;
            if (pairsFile.cached()) {
                // the cache only saves the next run some learning; this run's outcome stands
                Log.warn(message);
            } else {
                Log.error(message);
            }
        }
    }
}
