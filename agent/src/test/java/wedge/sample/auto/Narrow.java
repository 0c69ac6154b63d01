package wedge.sample.auto;

/** A {@code byte} and a {@code double} field, added to without a lock: each add is a read and a write. */
final class Narrow {
    private byte count;
    private double total;

    void addByte() {
        count++;
    }

    void addDouble() {
        total += 1.0;
    }

    byte count() {
        return count;
    }

    double total() {
        return total;
    }
}
