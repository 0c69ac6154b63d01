package wedge.repro.workload;

/**
 * Larson's random generator, {@code lran2}: a linear congruential generator behind a 97-entry shuffle table
 * (Numerical Recipes' "ran2" idea), so a port draws the same victims and sizes from the same seed as the C
 * benchmark. Not thread-safe: each Larson thread has its own.
 */
final class Lran2 {
    private static final long MAX = 714025L;
    private static final long IA = 1366L;
    private static final long IC = 150889L;

    private final long[] v = new long[97];
    private long x;
    private long y;

    Lran2(long seed) {
        long s = Math.abs((IC - seed) % MAX);
        for (int j = 0; j < v.length; j++) {
            s = (IA * s + IC) % MAX;
            v[j] = s;
        }
        x = (IA * s + IC) % MAX;
        y = x;
    }

    /** The next value, in 0..714024. */
    long next() {
        int j = (int) (y % v.length);
        y = v[j];
        x = (IA * x + IC) % MAX;
        v[j] = x;
        return y;
    }
}
