package wedge.junit.example;

import wedge.junit.WedgeTest;

/** Seed 3 of {@link ScheduledTickets} again, alone, as its failure message says to replay it. */
public class ReplayedTickets {
    /** The seed replayed. */
    public static final long SEED = 3;

    @WedgeTest(seed = SEED, strategy = "controlled", points = RacyTickets.POINTS, faultTypes = DuplicateTicket.class)
    void ticketsAreUnique() throws InterruptedException {
        TicketDispenser dispenser = new TicketDispenser();
        TicketRush.run(dispenser::take);
    }
}
