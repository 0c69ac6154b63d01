package wedge.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void writesUnsignedLowerCaseDigitsWithoutPadding() {
        assertEquals("0x0", Hex.of(0));
        assertEquals("0x6261", Hex.of(0x6261));
        assertEquals("0x7a1ad5a06261", Hex.of(0x7a1a_d5a0_6261L));
        assertEquals("0xffffffffffffffff", Hex.of(-1));
    }
}
