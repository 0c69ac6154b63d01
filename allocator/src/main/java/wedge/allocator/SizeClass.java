package wedge.allocator;

/** The tiny allocator's size classes: powers of two from 8 to 1024 bytes, class index 0 to 7. */
public final class SizeClass {
    /** Number of classes. */
    public static final int COUNT = 8;
    /** The smallest block, in bytes. */
    public static final int MIN_SIZE = 8;
    /** The largest block, in bytes. */
    public static final int MAX_SIZE = 1024;

    private SizeClass() {
    }

    /**
     * The class that serves a request of {@code size} bytes.
     *
     * @throws IllegalArgumentException when size is 0, negative or above {@link #MAX_SIZE}
     */
    public static int of(int size) {
        if (size <= 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "malloc(" + size + "): tiny sizes are 1.." + MAX_SIZE + " bytes");
        }
        return size <= MIN_SIZE ? 0 : 32 - Integer.numberOfLeadingZeros(size - 1) - 3;
    }

    /** Block size of class {@code classIdx}, in bytes. */
    public static int blockSize(int classIdx) {
        return MIN_SIZE << classIdx;
    }
}
