package wedge.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventRingTest {
    @Test
    void keepsTheLastEventsInOrderAcrossWrapAround() {
        EventRing ring = new EventRing(100);
        Object subject = new Object();
        for (int i = 0; i < 1000; i++) {
            ring.record(1, i % 7, "site", subject, i);
        }
        List<Event> events = ring.lastEvents();
        assertEquals(100, events.size());
        assertEquals(900, events.get(0).seq());
        assertEquals(999, events.get(99).value());
        assertEquals(1000, ring.total());
    }

    @Test
    void concurrentWritersLoseNoSequenceNumber() throws InterruptedException {
        EventRing ring = new EventRing(1 << 16);
        Thread[] writers = new Thread[4];
        for (int t = 0; t < writers.length; t++) {
            int ordinal = t + 1;
            writers[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    ring.record(ordinal, 0, null, null, i);
                }
            });
            writers[t].start();
        }
        for (Thread w : writers) {
            w.join();
        }
        assertEquals(40_000, ring.lastEvents().size());
    }
}
