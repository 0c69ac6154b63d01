package wedge.allocator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AddressSpaceTest {
    private final AddressSpace memory = new AddressSpace(AllocatorConfig.DEFAULT_BASE, 20, 4);

    @Test
    void aLoadAt0x6261FaultsWithExactlyThatAddress() {
        memory.map();
        SegmentationFault f = assertThrows(SegmentationFault.class, () -> memory.load8(0x6261));
        assertEquals(0x6261, f.address());
    }

    @Test
    void accessesPastTheMappedRegionsFault() {
        int r = memory.map();
        long end = memory.regionBase(r + 1);
        assertEquals(end, assertThrows(SegmentationFault.class, () -> memory.store1(end, (byte) 1)).address());
        assertEquals(end - 4, assertThrows(SegmentationFault.class, () -> memory.load8(end - 4)).address());
        memory.store8(end - 8, 7);
        assertEquals(7, memory.load8(end - 8));
    }

    @Test
    void memoryIsLittleEndianAndMisalignedLoadsAreLegal() {
        long base = memory.regionBase(memory.map());
        memory.store8(base + 0x6000, 0x7a1ad5a06000L);
        memory.store1(base + 0x6000, (byte) 'a');
        memory.store1(base + 0x6001, (byte) 'b');
        assertEquals(0x7a1ad5a06261L, memory.load8(base + 0x6000));
        assertEquals((short) 0x6261, memory.load2(base + 0x6000));
        assertEquals(0x7a1ad5a062L, memory.load8(base + 0x6001));
    }

    @Test
    void aBaseThatIsNotAlignedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AddressSpace(0x7a1a_d5a0_1000L, 20, 1));
    }
}
