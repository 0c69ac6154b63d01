package wedge.allocator;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything a {@link TinyHeap} is built from: which switches are on, and the geometry of its memory.
 *
 * @param name          how the configuration is reported: a preset name, with any switch changes appended
 * @param switches      switches that are on
 * @param base          address of the first SuperSlab; aligned to {@code 2^lg}
 * @param lg            log2 of the SuperSlab size: 20 (1 MiB) or 21 (2 MiB)
 * @param cacheCapacity blocks a thread's per-class cache holds before it spills half back to the slabs
 * @param refillBatch   blocks moved from the bound slab into an empty cache at once
 * @param maxSuperSlabs how many SuperSlabs the address space can ever map
 */
public record AllocatorConfig(String name, Set<Switch> switches, long base, int lg, int cacheCapacity,
                              int refillBatch, int maxSuperSlabs) {

    /** Default address of SuperSlab 0: a realistic mmap address, aligned to 2 MiB. */
    public static final long DEFAULT_BASE = 0x7a1a_d5a0_0000L;

    public AllocatorConfig {
        switches = switches.isEmpty() ? EnumSet.noneOf(Switch.class) : EnumSet.copyOf(switches);
        if (lg != 20 && lg != 21) {
            throw new IllegalArgumentException("SuperSlab lg must be 20 (1 MiB) or 21 (2 MiB), not " + lg);
        }
        if (cacheCapacity < 1 || refillBatch < 1 || refillBatch > cacheCapacity) {
            throw new IllegalArgumentException("need 1 <= refillBatch (" + refillBatch + ") <= cacheCapacity ("
                    + cacheCapacity + ")");
        }
    }

    /**
     * The named preset with default geometry.
     *
     * @throws IllegalArgumentException naming the valid presets when {@code preset} is unknown
     */
    public static AllocatorConfig preset(String preset) {
        Preset p = Preset.byId(preset);
        return new AllocatorConfig(p.id(), p.switches(), DEFAULT_BASE, 20, 64, 16, 4096);
    }

    /** Whether {@code s} is on. */
    public boolean on(Switch s) {
        return switches.contains(s);
    }

    /** This configuration with {@code s} turned on or off; the name records the change ({@code buggy+assert-owner}). */
    public AllocatorConfig with(Switch s, boolean on) {
        EnumSet<Switch> next = EnumSet.noneOf(Switch.class);
        next.addAll(switches);
        if (on) {
            next.add(s);
        } else {
            next.remove(s);
        }
        return new AllocatorConfig(name + (on ? "+" : "-") + s.id(), next, base, lg, cacheCapacity, refillBatch,
                maxSuperSlabs);
    }

    /** This configuration with other cache sizes. */
    public AllocatorConfig withCache(int capacity, int batch) {
        return new AllocatorConfig(name, switches, base, lg, capacity, batch, maxSuperSlabs);
    }

    /** This configuration with other memory geometry. */
    public AllocatorConfig withGeometry(long newBase, int newLg) {
        return new AllocatorConfig(name, switches, newBase, newLg, cacheCapacity, refillBatch, maxSuperSlabs);
    }
}
