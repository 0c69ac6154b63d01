package wedge.junit.example;

import wedge.junit.WedgeTest;

/** The race, under the default strategy: some seed of twenty makes two threads take the same ticket. */
public class RacyTickets {
    /** The examples' point file, relative to the module (the tests' working directory). */
    public static final String POINTS = "src/test/resources/tickets.points";

    @WedgeTest(seeds = "1..20", points = POINTS, faultTypes = DuplicateTicket.class)
    void ticketsAreUnique() throws InterruptedException {
        TicketDispenser dispenser = new TicketDispenser();
        TicketRush.run(dispenser::take);
    }
}
