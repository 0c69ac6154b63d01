package wedge.agent.weave.standin;

import java.util.concurrent.atomic.AtomicLongArray;

/** A stand-in for the allocator's slab metadata: a plain {@code long freelist}, a pop, a drain-like take. */
public class Slab {
    long freelist;
    private final String label;
    private final AtomicLongArray heads = new AtomicLongArray(4);

    public Slab(String label) {
        this.label = label;
    }

    public long pop() {
        long head = freelist;
        freelist = head + 8;
        return head;
    }

    public boolean claim(Slab other, int self) {
        heads.getAndSet(self, 1L);
        return other != this;
    }

    @Override
    public String toString() {
        return label;
    }
}
