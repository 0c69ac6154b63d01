package wedge.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import wedge.junit.example.BadAttributes;
import wedge.junit.example.DuplicateTicket;
import wedge.junit.example.Limits;
import wedge.junit.example.HuntedTickets;
import wedge.junit.example.LockedTickets;
import wedge.junit.example.NotAFault;
import wedge.junit.example.RacyTickets;
import wedge.junit.example.ReplayedTickets;
import wedge.junit.example.ScheduledTickets;
import wedge.junit.example.TicketDispenser;

/**
 * {@link WedgeTest} seen from the JUnit Platform, through its own test kit: the example classes run in this JVM
 * under the agent the extension loads into it, and the events they report are checked.
 */
class WedgeTestExtensionTest {
    @Test
    void aRacyClassFailsWithTheSeedInTheMessageWithinItsSeedBudget() throws Exception {
        Events tests = run(RacyTickets.class);
        assertEquals(20, tests.started().count(), "one invocation per seed");
        List<Event> failed = tests.failed().list();
        assertFalse(failed.isEmpty(), "some seed of 1..20 faults");
        for (Event e : failed) {
            long seed = seedOf(e);
            FaultReproduced f = assertInstanceOf(FaultReproduced.class, thrown(e));
            assertEquals(seed, f.seed());
            String message = f.getMessage();
            assertTrue(message.startsWith("seed " + seed + " faulted under the Wedge agent: " + f.getCause() + "\n"),
                    message);
            assertTrue(message.contains("dump:   " + f.dump() + "\n"), message);
            assertTrue(Files.isRegularFile(Path.of(f.dump())), "the dump is on disk: " + f.dump());
            assertTrue(message.contains("fault      " + DuplicateTicket.class.getName()), message);
            assertTrue(message.contains("last point next."), message);
            assertTrue(message.endsWith("replay: @WedgeTest(seed = " + seed + ", points = \"" + RacyTickets.POINTS
                    + "\", faultTypes = {DuplicateTicket.class}) on RacyTickets#ticketsAreUnique"), message);
            assertInstanceOf(DuplicateTicket.class, f.getCause(), "the fault the method threw is the cause");
        }
        assertEquals(20, tests.succeeded().count() + failed.size());
    }

    @Test
    void underHuntARaceReportFailsTheInvocationWithoutAnyFault() {
        Events tests = run(HuntedTickets.class);
        List<Event> failed = tests.failed().list();
        assertFalse(failed.isEmpty(), "hunt catches the race on next in some seed of 1..5");
        for (Event e : failed) {
            long seed = seedOf(e);
            FaultReproduced f = assertInstanceOf(FaultReproduced.class, thrown(e));
            String message = f.getMessage();
            assertTrue(message.startsWith("seed " + seed + ": a race was caught in the act under the Wedge agent\n"),
                    message);
            assertTrue(Path.of(f.dump()).getFileName().toString().startsWith("wedge-race-"), f.dump());
            assertTrue(message.contains("  races      "), message);
            assertTrue(message.contains(TicketDispenser.class.getName() + "#take"), "the race is in take(): " + message);
        }
    }

    @Test
    void theFixedTwinPassesEverySeed() {
        Events tests = run(LockedTickets.class);
        assertEquals(20, tests.started().count());
        assertEquals(20, tests.succeeded().count(), () -> "failures: " + tests.failed().list().stream()
                .map(e -> thrown(e).toString()).collect(Collectors.joining("; ")));
    }

    @Test
    void aReplayBySeedFailsTheSameWay() {
        Map<Long, Throwable> swept = run(ScheduledTickets.class).failed().stream()
                .collect(Collectors.toMap(WedgeTestExtensionTest::seedOf, WedgeTestExtensionTest::thrown));
        assertTrue(swept.containsKey(ReplayedTickets.SEED), "seed " + ReplayedTickets.SEED + " faults under "
                + "controlled; faulted: " + swept.keySet());
        Events replay = run(ReplayedTickets.class);
        assertEquals(1, replay.started().count());
        FaultReproduced again = assertInstanceOf(FaultReproduced.class, thrown(replay.failed().list().get(0)));
        FaultReproduced first = (FaultReproduced) swept.get(ReplayedTickets.SEED);
        assertEquals(ReplayedTickets.SEED, again.seed());
        assertEquals(first.getCause().getMessage(), again.getCause().getMessage(), "the same ticket, taken twice");
        assertEquals(faultLines(first), faultLines(again), "the same fault, thread and last point");
    }

    @Test
    void badAttributesFailTheTestWithOneMessageNamingTheAttribute() {
        Events containers = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BadAttributes.class))
                .execute().containerEvents();
        assertBad(containers, "emptySeedRange", "@WedgeTest(seeds = \"5..1\") on BadAttributes#emptySeedRange: "
                + "the range 5..1 is empty; write FROM..TO with FROM <= TO, like 1..50");
        assertBad(containers, "unknownStrategy", "@WedgeTest(strategy = \"chaos\") on BadAttributes#unknownStrategy: "
                + "bad option strategy=chaos; valid: ");
        assertBad(containers, "missingPointFile", "@WedgeTest(points = \"src/test/resources/no-such.points\") on "
                + "BadAttributes#missingPointFile: bad option points=src/test/resources/no-such.points; valid: ");
    }

    @Test
    void anExceptionThatIsNoFaultTypeFailsAsUsual() {
        Events tests = run(NotAFault.class);
        assertEquals(2, tests.failed().count());
        for (Event e : tests.failed().list()) {
            Throwable t = thrown(e);
            assertInstanceOf(IllegalStateException.class, t);
            assertEquals("not a fault type", t.getMessage());
        }
    }

    @Test
    void aSeedStillRunningAfterItsSecondsFailsAsAHang() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(Limits.class, "outlivesItsSeconds")).execute().testEvents();
        Throwable t = thrown(tests.failed().list().get(0));
        assertInstanceOf(AssertionError.class, t);
        assertTrue(t.getMessage().startsWith("seed 1: still running after 200 ms (a hang, or more work than "
                + "secondsPerSeed allows); replay: @WedgeTest(seed = 1, "), t.getMessage());
        assertTrue(t.getMessage().contains("Limits.outlivesItsSeconds(Limits.java:"), t.getMessage());
    }

    @Test
    void otherPointsThanTheJvmsAgentWeavesFailSayingSo() {
        run(NotAFault.class);
        Events containers = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(Limits.class, "namesOtherPoints")).execute().containerEvents();
        assertBad(containers, "namesOtherPoints", "@WedgeTest(points = \"src/test/resources/other.points\") on "
                + "Limits#namesOtherPoints: bad option points=");
        Throwable t = thrown(containers.failed().list().get(0));
        assertTrue(t.getMessage().contains("a run cannot change it (run this in a JVM of its own)"), t.getMessage());
    }

    private static Events run(Class<?> example) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(example)).execute().testEvents();
    }

    private static void assertBad(Events containers, String method, String expected) {
        List<Event> failed = containers.failed().filter(e -> e.getTestDescriptor().getDisplayName()
                .startsWith(method + "(")).toList();
        assertEquals(1, failed.size(), method + " fails once");
        Throwable t = thrown(failed.get(0));
        assertInstanceOf(BadWedgeTest.class, t);
        assertTrue(t.getMessage().startsWith(expected), t.getMessage());
        assertEquals(1, t.getMessage().lines().count(), "one line: " + t.getMessage());
        assertEquals(0, t.getStackTrace().length, "no stack of the extension's internals");
    }

    private static long seedOf(Event e) {
        String name = e.getTestDescriptor().getDisplayName();
        assertTrue(name.matches("seed -?\\d+"), name);
        return Long.parseLong(name.substring("seed ".length()));
    }

    private static Throwable thrown(Event e) {
        return e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    /** The message's summary lines about the fault, without the dump's own name and the event numbers. */
    private static List<String> faultLines(FaultReproduced f) {
        return f.getMessage().lines().filter(l -> l.startsWith("  fault") || l.startsWith("  ") && l.contains(" at "))
                .map(l -> l.replaceAll("#\\d+", "#N")).toList();
    }
}
