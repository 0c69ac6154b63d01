package wedge.repro.dump;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A race on one field of one object, found from a dump's events and point table alone, on any target.
 *
 * <p>An update is a thread's write of a field (a point of kind {@code field-write}) with its last read of the same
 * field of the same subject before it (kind {@code field-read}), from which the written value was computed. Two
 * rules:
 * <ul>
 *   <li>lost update: thread Y wrote the field between X's read and X's write; X's write, based on a stale value,
 *       overwrites Y's as if it never happened;
 *   <li>check-then-act: the same, where both threads read at a point whose role is {@code check}, read the same
 *       value, and wrote at a point whose role is {@code act}: both acted on one check, neither saw the other's act.
 * </ul>
 * Both rest on the dump's invariant that {@code seq} order is the order of the accesses, with one exception a hook
 * cannot avoid: a read is recorded after it is made, so another thread's write may be recorded between the two. A
 * read that returned a value other than the one the latest write before it (of another thread) left did not see
 * that write: it was made before it, or did not see it in memory, and that write counts as fallen between X's read
 * and X's write.
 *
 * @param kind    {@link #CHECK_THEN_ACT} or {@link #LOST_UPDATE}
 * @param field   the field, {@code Class#field}
 * @param later   X's update: its read and the write that overwrote
 * @param earlier Y's update: its write, which X overwrote, and its read (null when it fell before the window)
 */
public record FieldRace(String kind, String field, Update later, Update earlier) {
    /** The kind of a race where both threads acted on the same check. */
    public static final String CHECK_THEN_ACT = "check-then-act";
    /** The kind of a race where one write overwrote another it never saw. */
    public static final String LOST_UPDATE = "lost update";

    /**
     * A thread's read of a field and its write of it.
     *
     * @param read  the read, or null when it fell before the event window
     * @param write the write
     */
    public record Update(Event read, Event write) {
        /** The thread. */
        public int thread() {
            return write.thread();
        }
    }

    /** The label of the object both threads touched. */
    public String subject() {
        return later.write().label();
    }

    /** Every race in {@code events} (seq order), in the order of the overwriting writes. */
    public static List<FieldRace> findAll(List<Event> events, PointTable points) {
        List<FieldRace> found = new ArrayList<>();
        Map<String, Event> lastRead = new HashMap<>();
        Map<String, List<Update>> updates = new HashMap<>();
        for (Event e : events) {
            PointTable.Entry p = points.entry(e.point());
            if (p == null) {
                continue;
            }
            String key = e.label() + " " + p.target();
            if (p.kind().equals("field-read")) {
                lastRead.put(e.thread() + " " + key, e);
            } else if (p.kind().equals("field-write")) {
                Update x = new Update(lastRead.remove(e.thread() + " " + key), e);
                List<Update> before = updates.computeIfAbsent(key, k -> new ArrayList<>());
                if (x.read() != null) {
                    overwritten(x, before).ifPresent(y -> found.add(new FieldRace(kind(x, y), p.target(), x, y)));
                }
                before.add(x);
            }
        }
        return found;
    }

    /**
     * The latest update of another thread whose write fell between {@code x}'s read and write: recorded between
     * them, or recorded just before the read, which returned a value other than that write's (see the class
     * comment).
     */
    private static Optional<Update> overwritten(Update x, List<Update> before) {
        int i = before.size() - 1;
        for (; i >= 0 && before.get(i).write().seq() > x.read().seq(); i--) {
            if (before.get(i).thread() != x.thread()) {
                return Optional.of(before.get(i));
            }
        }
        if (i >= 0 && before.get(i).thread() != x.thread() && before.get(i).write().value() != x.read().value()) {
            return Optional.of(before.get(i));
        }
        return Optional.empty();
    }

    private static String kind(Update x, Update y) {
        boolean both = y.read() != null && "check".equals(x.read().role()) && "check".equals(y.read().role())
                && "act".equals(x.write().role()) && "act".equals(y.write().role());
        return both && x.read().value() == y.read().value() ? CHECK_THEN_ACT : LOST_UPDATE;
    }
}
