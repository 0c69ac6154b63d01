package wedge.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLogTest {
    @Test
    void keepsTheLastEventsInOrderAcrossWrapAround() {
        ThreadRegistry threads = new ThreadRegistry(100);
        EventLog log = new EventLog(threads, 100);
        ThreadState t = threads.current();
        Object subject = new Object();
        for (int i = 0; i < 1000; i++) {
            log.record(t, i % 7, "site", subject, i, System.nanoTime());
        }
        EventLog.Merged merged = log.lastEvents();
        List<Event> events = merged.events();
        assertEquals(100, events.size());
        assertEquals(900, events.get(0).seq());
        assertEquals(999, events.get(99).value());
        assertEquals(1000, merged.total());
        assertEquals(999, merged.lastSeqOf(t));
        assertEquals(1000, log.total());
    }

    @Test
    void concurrentWritersAreMergedInTimeStampOrderWithEachThreadsOwnOrderKept() throws InterruptedException {
        ThreadRegistry threads = new ThreadRegistry(1 << 14);
        EventLog log = new EventLog(threads, 1 << 16);
        Thread[] writers = new Thread[4];
        for (int w = 0; w < writers.length; w++) {
            writers[w] = new Thread(() -> {
                ThreadState t = threads.current();
                for (int i = 0; i < 10_000; i++) {
                    log.record(t, 0, null, null, i, System.nanoTime());
                }
            });
            writers[w].start();
        }
        for (Thread w : writers) {
            w.join();
        }
        EventLog.Merged merged = log.lastEvents();
        List<Event> events = merged.events();
        assertEquals(40_000, merged.total());
        assertEquals(40_000, events.size());
        Map<Integer, Long> lastValue = new HashMap<>();
        long lastNanos = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            assertEquals(i, e.seq());
            assertTrue(e.nanos() >= lastNanos, "time stamps ascend");
            lastNanos = e.nanos();
            Long before = lastValue.put(e.thread(), e.value());
            assertEquals(before == null ? 0 : before + 1, e.value(), "a thread's own events stay in its order");
        }
    }

    @Test
    void aThreadLogKeepsOnlyItsCapacity() {
        ThreadRegistry threads = new ThreadRegistry(64);
        EventLog log = new EventLog(threads, 1000);
        ThreadState t = threads.current();
        for (int i = 0; i < 500; i++) {
            log.record(t, 1, "site", null, i, System.nanoTime());
        }
        EventLog.Merged merged = log.lastEvents();
        assertEquals(64, merged.events().size());
        assertEquals(436, merged.events().get(0).value());
        assertEquals(500, merged.total());
    }
}
