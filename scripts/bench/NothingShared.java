/**
 * A program whose plain fields are each touched by one thread only: the case that costs {@code points=auto} one
 * check per access. Two threads each run a small open-addressing hash set of their own class (its table, size,
 * mask, a running checksum, counters of four types) for a fixed time, and the program prints the operations done
 * per second: {@code ops_per_s=N}.
 *
 * <p>Usage: {@code java NothingShared [SECONDS]} (default 5).
 */
public class NothingShared {
    /** Thread one's set. */
    static final class LeftSet {
        private int[] table = new int[1 << 12];
        private int size;
        private long checksum;
        private double load;
        private short probes;
        private byte generation;

        long run(long deadline) {
            long ops = 0;
            int x = 1;
            while ((ops & 1023) != 0 || System.nanoTime() < deadline) {
                x = x * 1103515245 + 12345;
                add((x >>> 8) | 1);
                ops++;
            }
            return ops + (checksum & 1);
        }

        private void add(int key) {
            int mask = table.length - 1;
            int i = key & mask;
            probes = 0;
            while (table[i] != 0 && table[i] != key) {
                i = (i + 1) & mask;
                probes++;
            }
            if (table[i] == 0) {
                table[i] = key;
                size++;
                load = (double) size / table.length;
                if (load > 0.5) {
                    table = new int[table.length];
                    size = 0;
                    generation++;
                }
            }
            checksum += key ^ probes ^ generation;
        }
    }

    /** Thread two's set: the same code in a class of its own, so no field is touched by both threads. */
    static final class RightSet {
        private int[] table = new int[1 << 12];
        private int size;
        private long checksum;
        private double load;
        private short probes;
        private byte generation;

        long run(long deadline) {
            long ops = 0;
            int x = 7;
            while ((ops & 1023) != 0 || System.nanoTime() < deadline) {
                x = x * 1103515245 + 12345;
                add((x >>> 8) | 1);
                ops++;
            }
            return ops + (checksum & 1);
        }

        private void add(int key) {
            int mask = table.length - 1;
            int i = key & mask;
            probes = 0;
            while (table[i] != 0 && table[i] != key) {
                i = (i + 1) & mask;
                probes++;
            }
            if (table[i] == 0) {
                table[i] = key;
                size++;
                load = (double) size / table.length;
                if (load > 0.5) {
                    table = new int[table.length];
                    size = 0;
                    generation++;
                }
            }
            checksum += key ^ probes ^ generation;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long[] ops = new long[2];
        Thread left = new Thread(() -> ops[0] = new LeftSet().run(deadline), "left");
        Thread right = new Thread(() -> ops[1] = new RightSet().run(deadline), "right");
        left.start();
        right.start();
        left.join();
        right.join();
        System.out.printf("ops_per_s=%.0f%n", (ops[0] + ops[1]) / ((System.nanoTime() - start) / 1e9));
    }
}
