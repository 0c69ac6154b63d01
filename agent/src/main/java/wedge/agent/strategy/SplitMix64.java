package wedge.agent.strategy;

/**
 * The SplitMix64 finaliser: a fast bijective 64-bit mixer whose outputs pass BigCrush; used to turn decision
 * coordinates into independent-looking random bits without any state.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private SplitMix64() {
    }

    /** Mixes {@code z}. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Mixes {@code value} into {@code state}: a step of SplitMix64 seeded by the running state. */
    public static long combine(long state, long value) {
        return mix(state + GOLDEN_GAMMA * (value + 1));
    }
}
