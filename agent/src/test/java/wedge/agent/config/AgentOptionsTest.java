package wedge.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        AgentOptions o = AgentOptions.parse("seed=7");
        assertEquals(StrategyKind.NOISE, o.strategy());
        assertEquals(0.02, o.p());
        assertEquals(PauseKind.PARK, o.pause());
        assertEquals(200_000, o.durationNanos());
        assertEquals("allocator", o.points());
        assertEquals(OnFault.EXIT, o.onFault());
        assertEquals(4096, o.ring());
        assertEquals(10_000_000_000L, o.hangTimeoutNanos());
        assertEquals("wedge.allocator.SegmentationFault|wedge.allocator.InvalidFree", o.faultType());
        assertEquals("wedge.allocator.TinyHeap#snapshotAll", o.snapshot());
    }

    @Test
    void renderedOptionsParseBackToTheSameOptions() {
        AgentOptions o = AgentOptions.parse("seed=0xff,strategy=off,p=0.5,pause=spin,duration=3ms,ring=100,"
                + "hang-timeout=0,on-fault=throw,log=debug");
        assertEquals(255, o.seed());
        assertEquals(o, AgentOptions.parse(o.render()));
    }

    @Test
    void badValueNamesTheOptionAndWhatIsValid() {
        BadConfiguration e = assertThrows(BadConfiguration.class, () -> AgentOptions.parse("pause=nap"));
        assertEquals("bad option pause=nap; valid: spin, yield, park", e.getMessage());
    }
}
