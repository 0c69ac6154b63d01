package wedge.junit.example;

import wedge.junit.WedgeTest;

/** The fixed twin of {@link RacyTickets}: the same points, pauses and seeds, and never a duplicate. */
public class LockedTickets {
    @WedgeTest(seeds = "1..20", points = RacyTickets.POINTS, faultTypes = DuplicateTicket.class)
    void ticketsAreUnique() throws InterruptedException {
        TicketDispenser dispenser = new TicketDispenser();
        TicketRush.run(dispenser::takeLocked);
    }
}
