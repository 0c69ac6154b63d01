package wedge.repro.dump;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field races found from events alone, on OnceGate's profile (examples/oncegate). */
class FieldRaceTest {
    private static final String POINTS = "[{\"name\":\"started.check\",\"kind\":\"field-read\","
            + "\"target\":\"OnceGate#started\",\"role\":\"check\"},{\"name\":\"started.set\",\"kind\":\"field-write\","
            + "\"target\":\"OnceGate#started\",\"role\":\"act\"}]";

    private static Event check(long seq, int thread, String gate, long value) {
        return new Event(seq, thread, "started.check", "OnceGate#open", gate, value, "check");
    }

    private static Event set(long seq, int thread, String gate) {
        return new Event(seq, thread, "started.set", "OnceGate#open", gate, 1, "act");
    }

    private static List<FieldRace> races(Event... events) throws Exception {
        return FieldRace.findAll(List.of(events), PointTable.of(new ObjectMapper().readTree(POINTS)));
    }

    @Test
    void aWriteRecordedBetweenTheOtherThreadsCheckAndActIsACheckThenAct() throws Exception {
        List<FieldRace> found = races(check(1, 1, "gate0", 0), check(2, 2, "gate0", 0), set(3, 2, "gate0"),
                set(4, 1, "gate0"));
        assertEquals(1, found.size(), found.toString());
        assertEquals(FieldRace.CHECK_THEN_ACT, found.get(0).kind());
    }

    /**
     * The last events of a real OnceGate dump (seed 1 under noise on a loaded machine): T22's check returned 0 though
     * T21's act, recorded before it, had set 1. The check was made before that act and recorded after it; both threads
     * started gate10.
     */
    @Test
    void aCheckRecordedAfterAWriteItDidNotSeeIsACheckThenAct() throws Exception {
        List<FieldRace> found = races(check(27, 19, "gate9", 0), set(28, 19, "gate9"), check(29, 20, "gate9", 1),
                check(30, 21, "gate10", 0), set(31, 21, "gate10"), check(32, 22, "gate10", 0), set(33, 22, "gate10"));
        assertEquals(1, found.size(), found.toString());
        FieldRace race = found.get(0);
        assertEquals(FieldRace.CHECK_THEN_ACT, race.kind());
        assertEquals("gate10", race.subject());
        assertEquals(22, race.later().thread());
        assertEquals(21, race.earlier().thread());
    }

    @Test
    void aCheckThatSawTheOtherThreadsWriteIsNoRace() throws Exception {
        assertTrue(races(check(1, 1, "gate0", 0), set(2, 1, "gate0"), check(3, 2, "gate0", 1)).isEmpty());
        // the same thread's own earlier write, whatever the value read, is no race either
        assertTrue(races(check(1, 1, "gate0", 0), set(2, 1, "gate0"), check(3, 1, "gate0", 0), set(4, 1, "gate0"))
                .isEmpty());
    }
}
