package wedge.junit.example;

import wedge.junit.WedgeTest;

/** Attributes that are valid but meet a limit: the seed's time, the points the JVM's agent already weaves. */
public class Limits {
    @WedgeTest(seed = 1, secondsPerSeed = 0.2, points = RacyTickets.POINTS, faultTypes = DuplicateTicket.class)
    void outlivesItsSeconds() throws InterruptedException {
        Thread.sleep(60_000);
    }

    @WedgeTest(seed = 1, points = "src/test/resources/other.points", faultTypes = DuplicateTicket.class)
    void namesOtherPoints() {
    }
}
