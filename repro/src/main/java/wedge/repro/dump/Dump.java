package wedge.repro.dump;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A loaded dump with typed access to what the reader shows: the fault, the snapshot's slabs and threads, the event
 * window and the agent's threads. The JSON stays the source of truth; this only finds things in it.
 */
public final class Dump {
    /** Agent options that set up capture rather than the strategy; {@link #run()} leaves them out. */
    private static final Set<String> NOT_STRATEGY = Set.of("seed", "strategy", "dump-dir", "on-fault", "ring",
            "hang-timeout", "log", "fault-type", "snapshot");

    /** The options each built-in strategy reads (docs/AGENT.md); any other shows all but {@link #NOT_STRATEGY}. */
    private static final Map<String, List<String>> STRATEGY_OPTIONS = Map.of(
            "noise", List.of("p", "pause", "duration"),
            "controlled", List.of("search", "pct-depth", "pct-steps", "stall"),
            "script", List.of("script", "stall"),
            "hunt", List.of("pairs", "on-race", "order"),
            "off", List.of());

    private final JsonNode root;
    private final PointTable points;
    private final List<Event> events = new ArrayList<>();
    private final List<JsonNode> slabs = new ArrayList<>();
    private final Map<Integer, String> threadNames = new HashMap<>();
    private final HeapMap heap;

    /** The dump whose JSON tree is {@code root} (as {@link DumpFile#load} returns it). */
    public Dump(JsonNode root) {
        this.root = root;
        this.points = PointTable.of(root.path("points"));
        for (JsonNode e : root.path("events")) {
            events.add(Event.of(e, points));
        }
        for (JsonNode heapNode : snapshot().path("heaps")) {
            for (JsonNode ss : heapNode.path("superslabs")) {
                ss.path("slabs").forEach(slabs::add);
            }
        }
        for (JsonNode t : root.path("threads")) {
            if (t.path("ordinal").isInt()) {
                threadNames.put(t.path("ordinal").asInt(), t.path("name").asText());
            }
        }
        this.heap = HeapMap.of(snapshot());
    }

    /** The dump at {@code path}. */
    public static Dump load(Path path) throws BadDump {
        return new Dump(DumpFile.load(path));
    }

    /** What the dump's points mean. */
    public PointTable points() {
        return points;
    }

    /** The whole JSON tree. */
    public JsonNode root() {
        return root;
    }

    /** Whether this is a race dump: race reports and no fault ({@code on-race=dump|exit}). */
    public boolean isRace() {
        return root.path("kind").asText().equals("race");
    }

    /** Whether this is a hang dump (no fault; threads stuck inside instrumented code). */
    public boolean isHang() {
        return root.path("kind").asText().equals("hang");
    }

    /** The {@code fault} object; a missing node for a hang. */
    public JsonNode fault() {
        return root.path("fault");
    }

    /** The fault address, or null when the fault has none (a hang, or an exception type without an address). */
    public Long faultAddress() {
        JsonNode a = fault().path("addressValue");
        return a.isIntegralNumber() ? a.asLong() : null;
    }

    /**
     * Whether the dump is of Wedge's allocator, whose heap the reader knows (slabs, freelists, counters): it holds the
     * allocator's snapshot, or names the preset or the {@code allocator} profile when the snapshot failed. Any other
     * dump is of a program the reader knows nothing of, and is read by its field races alone.
     */
    public boolean ofAllocator() {
        return !snapshot().path("heaps").isMissingNode() || root.path("preset").isTextual()
                || root.path("options").path("points").asText("allocator").equals("allocator");
    }

    /** The {@code snapshot} object; a missing or null node when the agent could not take one. */
    public JsonNode snapshot() {
        return root.path("snapshot");
    }

    /** The mapped SuperSlabs of the snapshot. */
    public HeapMap heap() {
        return heap;
    }

    /** The recorded events, in seq order. */
    public List<Event> events() {
        return events;
    }

    /** {@code T16 larson-6.1}: the agent's ordinal and, when the dump lists it, the thread's name. */
    public String thread(int ordinal) {
        String name = threadNames.get(ordinal);
        return name == null ? "T" + ordinal : "T" + ordinal + " " + name;
    }

    /** Every slab of the snapshot, in snapshot order. */
    public List<JsonNode> slabs() {
        return slabs;
    }

    /** The slab labelled {@code label} (e.g. {@code ss0/slab13}), or null. */
    public JsonNode slab(String label) {
        for (JsonNode s : slabs) {
            if (s.path("label").asText().equals(label)) {
                return s;
            }
        }
        return null;
    }

    /** The slab of the snapshot whose memory holds {@code address}, or null. */
    public JsonNode slabAt(long address) {
        long size = snapshot().path("heaps").path(0).path("addressSpace").path("slabSize").asLong(1 << 16);
        for (JsonNode s : slabs) {
            long base = Long.decode(s.path("base").asText("0"));
            if (address >= base && address - base < size) {
                return s;
            }
        }
        return null;
    }

    /** The snapshot's slabs whose freelist walk stopped at a bad link. */
    public List<JsonNode> brokenSlabs() {
        return slabs.stream().filter(s -> s.path("broken").asBoolean()).toList();
    }

    /**
     * The agent ordinal of {@code slab}'s owner at the snapshot, when it can be known: the allocator's owner tid
     * names a thread in the snapshot, and that name belongs to exactly one thread the agent numbered. Tids and
     * ordinals are different numberings; the thread name is the only link between them.
     */
    public OptionalInt ownerOrdinal(JsonNode slab) {
        long tid = slab.path("ownerTid").asLong();
        String name = null;
        for (JsonNode heapNode : snapshot().path("heaps")) {
            for (JsonNode t : heapNode.path("threads")) {
                if (t.path("tid").asLong() == tid) {
                    name = t.path("name").asText();
                }
            }
        }
        OptionalInt found = OptionalInt.empty();
        for (Map.Entry<Integer, String> e : threadNames.entrySet()) {
            if (e.getValue().equals(name)) {
                if (found.isPresent()) {
                    return OptionalInt.empty();
                }
                found = OptionalInt.of(e.getKey());
            }
        }
        return found;
    }

    /**
     * {@code seed 1, strategy noise(p=0.02, pause=park, duration=200us), preset buggy}: the settings of the run's
     * own strategy only, since the agent records every option, those of the strategies it did not run included.
     */
    public String run() {
        List<String> options = new ArrayList<>();
        List<String> own = STRATEGY_OPTIONS.get(root.path("strategy").asText());
        root.path("options").fields().forEachRemaining(e -> {
            if (own != null ? own.contains(e.getKey()) : !NOT_STRATEGY.contains(e.getKey())) {
                options.add(e.getKey() + "=" + e.getValue().asText());
            }
        });
        JsonNode preset = root.path("preset");
        return "seed " + root.path("seed").asText("?") + ", strategy " + root.path("strategy").asText("?")
                + (options.isEmpty() ? "" : "(" + String.join(", ", options) + ")")
                + (preset.isTextual() ? ", preset " + preset.asText()
                : ofAllocator() ? ", preset (not stated)" : "");
    }

    /** The command that replays this run, or a note that the dump has none. */
    public String replay() {
        return root.path("replay").path("command").asText("(the dump records no replay command)");
    }

    /** What the event window covers, e.g. {@code #25535..#29630, the last 4096 of 29631 events}. */
    public String window() {
        if (events.isEmpty()) {
            return "no events recorded (" + root.path("eventsTotal").asLong() + " in all)";
        }
        return events.get(0).step() + ".." + events.get(events.size() - 1).step() + ", the last " + events.size()
                + " of " + root.path("eventsTotal").asLong(events.size()) + " events";
    }
}
