package wedge.repro.dump;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lost update on a slab's {@code freelist}: thread X's write W, computed from X's read R, lands after another
 * thread Y wrote the field between R and W; Y's writes are overwritten as if they never happened.
 *
 * <p>What is lost follows from the two roles. When X links a block (drain or push), it links it to the head it
 * read; if Y popped that head meanwhile, the head is now both handed out and on the list. When X pops, the list
 * goes back to what X read; a block Y pushed meanwhile drops off the list (leaked), and a head Y popped too is
 * handed out twice. Y's blocks behind the first are not followed: Y's pops rewrote their links.
 *
 * @param overwriting X's operation, whose write W overwrites
 * @param lost        the operations of other threads whose writes fell between R and W, in seq order (not empty)
 */
public record LostUpdate(FreelistOp overwriting, List<FreelistOp> lost) {
    public LostUpdate {
        lost = List.copyOf(lost);
        if (overwriting.read() == null || lost.isEmpty()) {
            throw new IllegalArgumentException("a lost update needs the overwriting read and a lost write");
        }
    }

    /** Every lost update in {@code ops} (as {@link FreelistOp#pair} returns them), in the order of W. */
    public static List<LostUpdate> findAll(List<FreelistOp> ops) {
        Map<String, List<FreelistOp>> bySlab = new LinkedHashMap<>();
        for (FreelistOp op : ops) {
            bySlab.computeIfAbsent(op.slab(), s -> new ArrayList<>()).add(op);
        }
        List<LostUpdate> found = new ArrayList<>();
        for (List<FreelistOp> slab : bySlab.values()) {
            for (int i = 0; i < slab.size(); i++) {
                FreelistOp x = slab.get(i);
                if (x.read() == null) {
                    continue;
                }
                List<FreelistOp> lost = new ArrayList<>();
                for (int j = i - 1; j >= 0 && slab.get(j).write().seq() > x.read().seq(); j--) {
                    if (slab.get(j).thread() != x.thread()) {
                        lost.add(0, slab.get(j));
                    }
                }
                if (!lost.isEmpty()) {
                    found.add(new LostUpdate(x, lost));
                }
            }
        }
        found.sort(Comparator.comparingLong(u -> u.overwriting().write().seq()));
        return found;
    }

    /** The slab, e.g. {@code ss0/slab13}. */
    public String slab() {
        return overwriting.slab();
    }

    /** The head X read, on which its write is based. */
    public long staleHead() {
        return overwriting.read().value();
    }

    /** Y's pop of the head X linked to, when X linked a block: that head is now both handed out and linked. */
    public Optional<FreelistOp> allocatedAndLinked() {
        return overwriting.role().links() ? popOf(staleHead()) : Optional.empty();
    }

    /** Y's pop of the head X popped too: that block is handed out twice. */
    public Optional<FreelistOp> handedOutTwice() {
        return overwriting.role() == Role.POP ? popOf(staleHead()) : Optional.empty();
    }

    /** Blocks that Y linked and X's write dropped from the list: free, but reachable by no one (leaked). */
    public List<Long> dropped() {
        return lost.stream().filter(op -> op.role().links()).map(FreelistOp::block).toList();
    }

    private Optional<FreelistOp> popOf(long head) {
        return lost.stream().filter(op -> op.role() == Role.POP && op.read() != null && op.block() == head)
                .findFirst();
    }
}
