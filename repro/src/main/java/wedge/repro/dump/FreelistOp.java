package wedge.repro.dump;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One read-modify-write of a slab's {@code freelist} by one thread: a write, and the last read of the same field by
 * the same thread before it, from which the written value was computed (a pop writes the link of the head it read;
 * a drain or push writes a block whose link it set to the head it read).
 *
 * @param read  that read, or null when it fell before the event window
 * @param write the write
 */
public record FreelistOp(Event read, Event write) {
    /** The thread that did it. */
    public int thread() {
        return write.thread();
    }

    /** The slab label, e.g. {@code ss0/slab13}. */
    public String slab() {
        return write.label();
    }

    /** What the write was part of, from its site. */
    public Role role() {
        return Role.of(write.role());
    }

    /**
     * The block the operation moved: for a pop the head it read and handed out, for a push or drain the block it
     * linked and wrote as the new head; for a pop whose read is outside the window, the block is unknown (0).
     */
    public long block() {
        if (role().links()) {
            return write.value();
        }
        return read == null ? 0 : read.value();
    }

    /**
     * The operations in {@code events} (in seq order): every {@code freelist} write paired with its thread's last
     * read of the same slab's {@code freelist} before it.
     */
    public static List<FreelistOp> pair(List<Event> events) {
        Map<String, Event> lastRead = new HashMap<>();
        List<FreelistOp> ops = new ArrayList<>();
        for (Event e : events) {
            String key = e.thread() + " " + e.label();
            if (e.isFreelistRead()) {
                lastRead.put(key, e);
            } else if (e.isFreelistWrite()) {
                ops.add(new FreelistOp(lastRead.get(key), e));
            }
        }
        return ops;
    }
}
