package wedge.repro.dump;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The mapped SuperSlabs of a dumped heap: where they are and what block size each holds. Built from a dump's
 * snapshot; without one, from the allocator's default geometry, whose base is known but whose extent is not.
 */
public final class HeapMap {
    /** One mapped SuperSlab. */
    public record Region(String label, long base, long end, int blockSize) {
        boolean contains(long address) {
            return address >= base && address < end;
        }
    }

    /** Base address of the allocator's first SuperSlab by default. */
    public static final long DEFAULT_BASE = 0x7a1a_d5a0_0000L;

    private final List<Region> regions;
    private final long base;

    private HeapMap(List<Region> regions, long base) {
        this.regions = regions;
        this.base = base;
    }

    /** The heaps of a dump's {@code snapshot}. */
    public static HeapMap of(JsonNode snapshot) {
        List<Region> regions = new ArrayList<>();
        long base = DEFAULT_BASE;
        for (JsonNode heap : snapshot.path("heaps")) {
            JsonNode space = heap.path("addressSpace");
            base = Long.decode(space.path("base").asText(Long.toString(DEFAULT_BASE)));
            long size = space.path("superslabSize").asLong(1 << 20);
            for (JsonNode ss : heap.path("superslabs")) {
                long ssBase = Long.decode(ss.path("base").asText());
                regions.add(new Region(ss.path("label").asText(), ssBase, ssBase + size,
                        ss.path("blockSize").asInt()));
            }
        }
        return new HeapMap(regions, base);
    }

    /** The allocator's default geometry, for a fault with no snapshot: its base is known, its extent is not. */
    public static HeapMap defaults() {
        return new HeapMap(List.of(), DEFAULT_BASE);
    }

    /** The SuperSlab holding {@code address}, or null. */
    public Region regionOf(long address) {
        for (Region r : regions) {
            if (r.contains(address)) {
                return r;
            }
        }
        return null;
    }

    /** Whether {@code address} has the heap's upper bits: it was, or was meant to be, a heap address. */
    public boolean nearHeap(long address) {
        return (address >>> 32) == (base >>> 32);
    }

    /** A SuperSlab with a block whose address ends in the low {@code bits} bits of {@code address}, or null. */
    public Region blockWithLowBits(long address, int bits) {
        Long block = blockEndingIn(address, bits);
        return block == null ? null : regionOf(block);
    }

    /** The first block start (in map order) whose address ends in the low {@code bits} bits of {@code address}, or null. */
    public Long blockEndingIn(long address, int bits) {
        long mask = (1L << bits) - 1;
        for (Region r : regions) {
            for (long c = (r.base() & ~mask) | (address & mask); c < r.end(); c += 1L << bits) {
                if (c >= r.base() && r.blockSize() > 0 && (c - r.base()) % r.blockSize() == 0) {
                    return c;
                }
            }
        }
        return null;
    }
}
