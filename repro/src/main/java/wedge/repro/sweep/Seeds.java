package wedge.repro.sweep;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The seeds of one shard of a {@link SeedRange}: {@code first + offset}, then every {@code step}-th seed up to
 * {@code last}. Computed, never stored, so a sweep can be given any range.
 *
 * @param first  first seed of the range
 * @param last   last seed of the range, at least {@code first}
 * @param offset where the shard starts, from {@code first}: 0 .. step - 1
 * @param step   distance between two seeds of the shard, at least 1
 */
public record Seeds(long first, long last, long offset, long step) {

    /** How many seeds the shard holds. */
    public long count() {
        long span = last - first;
        // the span of a range across most of the 64-bit space overflows a long: count in unsigned arithmetic
        return Long.compareUnsigned(offset, span) > 0 ? 0 : Long.divideUnsigned(span - offset, step) + 1;
    }

    /** Whether {@code seed} is one of the shard's. */
    public boolean contains(long seed) {
        if (seed < first || seed > last) {
            return false;
        }
        return Long.remainderUnsigned(seed - first, step) == offset;
    }

    /** The shard's seeds in order, leaving out those in {@code done}. */
    public Iterator<Long> without(Set<Long> done) {
        return new Iterator<>() {
            private long index;
            private Long next = advance();

            private Long advance() {
                long n = count();
                while (Long.compareUnsigned(index, n) < 0) {
                    long seed = first + offset + index * step;
                    index++;
                    if (!done.contains(seed)) {
                        return seed;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Long next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Long seed = next;
                next = advance();
                return seed;
            }
        };
    }
}
