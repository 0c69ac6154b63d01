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
 * @param site   {@code Class#method} the point was hit in
 * @param label  what was touched, e.g. {@code ss0/slab13} or {@code ss0}; empty when the event has none
 * @param value  the value read or written, or the point's declared argument
 * @param role   what the target did there, from the dump's point table ({@code pop}, {@code check}); null if none
 */
public record Event(long seq, int thread, String point, String site, String label, long value, String role) {
    /** The point of a read of a slab's {@code freelist} field. */
    public static final String FREELIST_READ = "freelist.read";
    /** The point of a write of a slab's {@code freelist} field. */
    public static final String FREELIST_WRITE = "freelist.write";
    /** The point of a drain's entry; its label is the SuperSlab and its value the slab index. */
    public static final String DRAIN_ENTER = "drain.enter";

    /** An event of the allocator's profile, its role taken from that profile as a dump without roles does. */
    public Event(long seq, int thread, String point, String site, String label, long value) {
        this(seq, thread, point, site, label, value, PointTable.allocator().role(point, site));
    }

    /** The event of one element of a dump's {@code events} array, its role from the dump's {@code points}. */
    public static Event of(JsonNode e, PointTable points) {
        String point = e.path("point").asText();
        String site = e.path("site").asText();
        return new Event(e.path("seq").asLong(), e.path("thread").asInt(), point, site, e.path("label").asText(""),
                e.path("value").asLong(), points.role(point, site));
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
