package wedge.junit.example;

import wedge.junit.WedgeTest;

/** An exception that is no fault type fails its invocation as it would without the agent. */
public class NotAFault {
    @WedgeTest(seeds = "1..2", points = RacyTickets.POINTS, faultTypes = DuplicateTicket.class)
    void throwsAnOrdinaryException() {
        throw new IllegalStateException("not a fault type");
    }
}
