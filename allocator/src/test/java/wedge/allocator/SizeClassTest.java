package wedge.allocator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeClassTest {
    @Test
    void everySizeMapsToTheSmallestClassThatHoldsIt() {
        for (int size = 1; size <= SizeClass.MAX_SIZE; size++) {
            int c = SizeClass.of(size);
            assertTrue(SizeClass.blockSize(c) >= size, "class " + c + " too small for " + size);
            assertTrue(c == 0 || SizeClass.blockSize(c - 1) < size, "class " + c + " too big for " + size);
        }
        assertEquals(0, SizeClass.of(8));
        assertEquals(1, SizeClass.of(9));
        assertEquals(7, SizeClass.of(1024));
    }

    @Test
    void sizesOutsideTheTinyRangeAreRefusedWithTheSize() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SizeClass.of(0)).getMessage()
                .contains("malloc(0)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SizeClass.of(1025)).getMessage()
                .contains("malloc(1025)"));
    }
}
