package wedge.allocator;

/** A thread known to a heap: its small ordinal (the seed's {@code tiny_self_u32}) and its per-class state. */
final class ThreadCtx {
    final int tid;
    final String name;
    final TinyTls[] tls = new TinyTls[SizeClass.COUNT];

    ThreadCtx(int tid, String name) {
        this.tid = tid;
        this.name = name;
        for (int c = 0; c < tls.length; c++) {
            tls[c] = new TinyTls();
        }
    }
}
