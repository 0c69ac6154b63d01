package wedge.junit.example;

import wedge.junit.WedgeTest;

/** The race under {@code controlled}: one thread at a time, the seed picks which, so a seed names one run. */
public class ScheduledTickets {
    @WedgeTest(seeds = "1..5", strategy = "controlled", points = RacyTickets.POINTS,
            faultTypes = DuplicateTicket.class)
    void ticketsAreUnique() throws InterruptedException {
        TicketDispenser dispenser = new TicketDispenser();
        TicketRush.run(dispenser::take);
    }
}
