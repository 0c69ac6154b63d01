package wedge.repro.dump;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One recorded event of a dump's event ring.
 *
 * <p>Invariant the race analysis rests on: {@code seq} order is the order of the accesses. The agent records a
 * read just after it happens and a write just before it lands, with any pause on the far side, so no other thread's
 * access can fall between an event and the access it stands for.
 *
 * @param seq    global order of recording
 * @param thread the agent's thread ordinal ({@code T<n>}), not the allocator's thread id
 * @param point  the point's name, e.g. {@code freelist.read}
 * @param site   {@code Class#method} the point was hit in, e.g. {@code wedge.allocator.TinyHeap#popBatch}
 * @param label  what was touched, e.g. {@code ss0/slab13} or {@code ss0}; empty when the event has none
 * @param value  the value read or written, or the point's declared argument
 */
public record Event(long seq, int thread, String point, String site, String label, long value) {
    /** The point of a read of a slab's {@code freelist} field. */
    public static final String FREELIST_READ = "freelist.read";
    /** The point of a write of a slab's {@code freelist} field. */
    public static final String FREELIST_WRITE = "freelist.write";
    /** The point of a drain's atomic take of a slab's remote queue; its label is the SuperSlab. */
    public static final String REMOTE_TAKE = "remote.take";
    /** The point of a drain's entry; its label is the SuperSlab and its value the slab index. */
    public static final String DRAIN_ENTER = "drain.enter";

    /** The event of one element of a dump's {@code events} array. */
    public static Event of(JsonNode e) {
        return new Event(e.path("seq").asLong(), e.path("thread").asInt(), e.path("point").asText(),
                e.path("site").asText(), e.path("label").asText(""), e.path("value").asLong());
    }

    /** Whether this reads a slab's {@code freelist}. */
    public boolean isFreelistRead() {
        return point.equals(FREELIST_READ);
    }

    /** Whether this writes a slab's {@code freelist}. */
    public boolean isFreelistWrite() {
        return point.equals(FREELIST_WRITE);
    }

    /** {@code #seq}, as the reports number steps. */
    public String step() {
        return "#" + seq;
    }
}
