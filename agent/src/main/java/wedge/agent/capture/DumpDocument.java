package wedge.agent.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import wedge.agent.config.AgentOptions;
import wedge.agent.points.Point;
import wedge.agent.runtime.EventLog;
import wedge.agent.runtime.RaceLog;
import wedge.agent.runtime.Strategy;
import wedge.agent.runtime.ThreadRegistry;
import wedge.agent.runtime.ThreadState;
import wedge.contract.DumpFormat;

/**
 * Assembles one dump as plain maps and lists, in the field order of docs/DUMP-FORMAT.md, which is the contract with
 * the dump reader: change one, change the other, and bump {@link DumpFormat#CURRENT} on any incompatible change.
 * The snapshot is the target's own plain data, put in as it is; the events are a {@link RingEvents}, written
 * straight from the ring by {@link DumpJson}.
 */
final class DumpDocument {
    /** System property through which a launcher states the allocator preset of the run. */
    static final String PRESET_PROPERTY = "wedge.preset";

    private final AgentOptions options;
    private final List<Point> points;
    private final ThreadRegistry threads;
    private final EventLog ring;
    private final Strategy strategy;
    private final RaceLog races;

    DumpDocument(AgentOptions options, List<Point> points, ThreadRegistry threads, EventLog ring,
                 Strategy strategy, RaceLog races) {
        this.races = races;
        this.options = options;
        this.points = points;
        this.threads = threads;
        this.ring = ring;
        this.strategy = strategy;
    }

    /**
     * The dump.
     *
     * @param kind          {@code fault}, {@code hang} or {@code race}
     * @param fault         the fault, null for a hang
     * @param secondary     faults of other threads during the capture
     * @param hang          the hang object, null for a fault
     * @param snapshot      the snapshot, null when there is none
     * @param snapshotError why there is no snapshot, else null
     * @param flagged       threads whose status is {@code faulted} (fault) or {@code inside} (hang)
     */
    Map<String, Object> build(String kind, FaultRecord fault, Collection<FaultRecord> secondary,
                              Map<String, Object> hang, Object snapshot, String snapshotError, Set<Thread> flagged) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", DumpFormat.CURRENT);
        d.put("kind", kind);
        d.put("createdAt", Instant.now().toString());
        d.put("pid", ProcessHandle.current().pid());
        d.put("seed", options.seed());
        d.put("strategy", options.strategy().id());
        d.put("options", options.effective());
        d.put("preset", System.getProperty(PRESET_PROPERTY));
        // What a launcher's result line needs comes first, so that it can stop reading before the events.
        EventLog.Merged merged = ring.lastEvents();
        d.put("fault", fault == null ? null : fault.toMap(points, merged));
        List<Map<String, Object>> others = new ArrayList<>();
        for (FaultRecord f : secondary) {
            others.add(f.toMap(points, merged));
        }
        d.put("secondaryFaults", others);
        d.put("hang", hang);
        d.put("racesTotal", races.total());
        d.put("races", races.reports());
        d.put("schedule", strategy == null ? null : strategy.record());
        d.put("snapshotError", snapshotError);
        d.put("snapshot", snapshot);
        d.put("jvm", Environment.jvm());
        d.put("os", Environment.os());
        d.put("points", pointTable());
        d.put("hunt", strategy == null ? null : strategy.learned());
        d.put("eventsTotal", merged.total());
        d.put("events", new RingEvents(merged.events(), points, new Labels()));
        d.put("threads", threadList(kind.equals("hang") ? "inside" : "faulted", flagged, merged));
        d.put("replay", ReplayCommand.describe());
        return d;
    }

    private List<Map<String, Object>> pointTable() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Point p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.name());
            m.put("kind", p.kind().id());
            m.put("target", p.target());
            m.put("class", p.owner());
            m.put("member", p.member());
            m.put("scope", p.scope() == null ? null : p.scope().toString());
            m.put("label", p.label() == null ? null : p.label().toString());
            m.put("value", p.value() == null ? null : p.value().toString());
            m.put("origin", p.origin());
            m.put("role", p.role());
            m.put("siteRoles", new TreeMap<>(p.siteRoles()));
            m.put("fieldType", p.fieldType());
            list.add(m);
        }
        return list;
    }

    private List<Map<String, Object>> threadList(String flaggedStatus, Set<Thread> flagged, EventLog.Merged merged) {
        Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        List<Map<String, Object>> list = new ArrayList<>();
        List<ThreadState> known = threads.all();
        for (ThreadState t : known) {
            StackTraceElement[] stack = stacks.remove(t.thread);
            String status = flagged.contains(t.thread) ? flaggedStatus
                    : !t.thread.isAlive() ? "terminated" : t.held() ? "held" : "running";
            list.add(thread(t.thread, t, status, stack, merged));
        }
        for (Map.Entry<Thread, StackTraceElement[]> e : stacks.entrySet()) {
            Thread t = e.getKey();
            list.add(thread(t, null, flagged.contains(t) ? flaggedStatus : "untracked", e.getValue(), merged));
        }
        return list;
    }

    private Map<String, Object> thread(Thread t, ThreadState s, String status, StackTraceElement[] stack,
                                       EventLog.Merged merged) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.getName());
        m.put("id", t.getId());
        m.put("ordinal", s == null ? null : s.ordinal);
        m.put("state", t.getState().name());
        m.put("status", status);
        m.put("daemon", t.isDaemon());
        m.put("hits", s == null ? 0 : s.hits);
        if (s == null || s.lastPoint < 0) {
            m.put("lastPoint", null);
        } else {
            Map<String, Object> lp = new LinkedHashMap<>();
            lp.put("name", points.get(s.lastPoint).name());
            lp.put("site", Sites.shorten(s.lastSite));
            lp.put("seq", merged.lastSeqOf(s));
            m.put("lastPoint", lp);
        }
        List<String> frames = new ArrayList<>();
        if (stack != null) {
            for (StackTraceElement f : stack) {
                frames.add(f.toString());
            }
        }
        m.put("stack", frames);
        return m;
    }
}
