package wedge.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        assertNull(o.faultType(), "the profile gives it");
        assertNull(o.snapshot(), "the profile gives it");
    }

    @Test
    void theProfileCompletesWhatNoOptionGave() {
        AgentOptions fromProfile = AgentOptions.parse("seed=7").withProfile("profile p", "a.B", "a.B#snap");
        assertEquals("a.B", fromProfile.faultType());
        assertEquals("a.B#snap", fromProfile.snapshot());
        AgentOptions overridden = AgentOptions.parse("seed=7,fault-type=c.D,snapshot=none")
                .withProfile("profile p", "a.B", "a.B#snap");
        assertEquals("c.D", overridden.faultType());
        assertEquals("none", overridden.snapshot());
        assertEquals("none", AgentOptions.parse("seed=7").withProfile("profile p", "a.B", null).snapshot());
        // no fault type anywhere: no type is woven, and an exception that escapes a thread is the fault
        AgentOptions none = AgentOptions.parse("seed=7").withProfile("points file my.points", null, null);
        assertNull(none.faultType());
        assertEquals(List.of(), none.faultTypes());
    }

    @Test
    void automaticPointsHuntByDefaultAndKeepTheirScope() {
        AgentOptions auto = AgentOptions.parse("seed=7,points=auto:a.b.*|c.**");
        assertEquals(StrategyKind.HUNT, auto.strategy());
        assertEquals("auto:a.b.*|c.**", auto.absolutePaths().points());
        assertEquals(StrategyKind.NOISE, AgentOptions.parse("seed=7,points=auto,strategy=noise").strategy());
        assertFalse(AgentOptions.isProfileName("auto"));
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
