package wedge.junit.example;

import wedge.junit.WedgeTest;

/** Annotations that cannot run, one per method: each must fail with one message naming its attribute. */
public class BadAttributes {
    @WedgeTest(seeds = "5..1", points = RacyTickets.POINTS, faultTypes = DuplicateTicket.class)
    void emptySeedRange() {
    }

    @WedgeTest(strategy = "chaos", points = RacyTickets.POINTS, faultTypes = DuplicateTicket.class)
    void unknownStrategy() {
    }

    @WedgeTest(points = "src/test/resources/no-such.points", faultTypes = DuplicateTicket.class)
    void missingPointFile() {
    }
}
