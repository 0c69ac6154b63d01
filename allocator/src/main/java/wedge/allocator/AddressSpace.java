package wedge.allocator;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A simulated 64-bit, little-endian, byte-addressable address space made of equal regions of {@code 2^lg} bytes,
 * each aligned to its size, mapped one after another from a base address.
 *
 * <p>Any load or store that touches a byte outside a mapped region throws {@link SegmentationFault} with the
 * exact address, as SIGSEGV would. Misaligned loads and stores are legal, as on x86-64: an odd address such as
 * {@code 0x7a1ad5a06261} inside a mapped region reads whatever bytes are there.
 *
 * <p>Memory accesses are plain (no fences): racing threads see each other's writes as loosely as the JMM allows,
 * which is the point. Publication of a region happens-before any access that reached its address through the
 * allocator, because addresses are handed over through the allocator's own synchronisation.
 */
public final class AddressSpace {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private final long base;
    private final int lg;
    private final long offsetMask;
    /** Region memory by region index; an element is written once, when mapped, and never unmapped. */
    private final byte[][] regions;
    /** Regions mapped so far; guarded by {@code this}. */
    private int mapped;

    /**
     * @param base       address of region 0; must be aligned to {@code 2^lg}
     * @param lg         log2 of the region size (20 = 1 MiB, 21 = 2 MiB)
     * @param maxRegions how many regions may ever be mapped
     */
    public AddressSpace(long base, int lg, int maxRegions) {
        if (lg < 16 || lg > 24) {
            throw new IllegalArgumentException("region lg " + lg + " out of range 16..24");
        }
        if ((base & ((1L << lg) - 1)) != 0 || base <= 0) {
            throw new IllegalArgumentException(String.format(
                    "base 0x%x is not a positive multiple of the region size 0x%x", base, 1L << lg));
        }
        this.base = base;
        this.lg = lg;
        this.offsetMask = (1L << lg) - 1;
        this.regions = new byte[maxRegions][];
    }

    /**
     * Maps the next region and returns its index; its base address is {@link #regionBase(int)}.
     *
     * @throws OutOfMemoryError when all {@code maxRegions} are mapped
     */
    public synchronized int map() {
        if (mapped == regions.length) {
            throw new OutOfMemoryError("address space full: " + mapped + " regions of 2^" + lg + " bytes mapped");
        }
        regions[mapped] = new byte[1 << lg];
        return mapped++;
    }

    /** Base address of region {@code index}. */
    public long regionBase(int index) {
        return base + ((long) index << lg);
    }

    /** Address of region 0. */
    public long base() {
        return base;
    }

    /** log2 of the region size. */
    public int lg() {
        return lg;
    }

    /** Number of regions mapped so far. */
    public synchronized int mappedRegions() {
        return mapped;
    }

    /** The index of the mapped region holding {@code address}, or -1 when no region maps it. */
    public int regionIndex(long address) {
        long off = address - base;
        if (off < 0) {
            return -1;
        }
        long idx = off >>> lg;
        return idx < regions.length && regions[(int) idx] != null ? (int) idx : -1;
    }

    /** Whether {@code width} bytes at {@code address} are all mapped. */
    public boolean isMapped(long address, int width) {
        return regionIndex(address) >= 0 && regionIndex(address + width - 1) >= 0;
    }

    private byte[] region(long address, int width, String access) {
        long off = address - base;
        if (off >= 0) {
            long idx = off >>> lg;
            if (idx < regions.length && (off & offsetMask) <= offsetMask + 1 - width) {
                byte[] r = regions[(int) idx];
                if (r != null) {
                    return r;
                }
            }
        }
        throw new SegmentationFault(address, access);
    }

    /** Loads 8 bytes, little-endian. */
    public long load8(long address) {
        return (long) LONGS.get(region(address, 8, "load8"), (int) ((address - base) & offsetMask));
    }

    /** Stores 8 bytes, little-endian. */
    public void store8(long address, long value) {
        LONGS.set(region(address, 8, "store8"), (int) ((address - base) & offsetMask), value);
    }

    /** Loads 2 bytes, little-endian. */
    public short load2(long address) {
        return (short) SHORTS.get(region(address, 2, "load2"), (int) ((address - base) & offsetMask));
    }

    /** Stores 2 bytes, little-endian. */
    public void store2(long address, short value) {
        SHORTS.set(region(address, 2, "store2"), (int) ((address - base) & offsetMask), value);
    }

    /** Loads 1 byte. */
    public byte load1(long address) {
        return region(address, 1, "load1")[(int) ((address - base) & offsetMask)];
    }

    /** Stores 1 byte. */
    public void store1(long address, byte value) {
        region(address, 1, "store1")[(int) ((address - base) & offsetMask)] = value;
    }
}
