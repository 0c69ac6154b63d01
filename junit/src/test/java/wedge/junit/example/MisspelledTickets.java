package wedge.junit.example;

import wedge.junit.WedgeTest;

/**
 * The dispenser, taken from by one thread, under a profile whose read point names a field it does not declare and
 * a class that does not exist: what the test asks for goes untested, so no seed may pass. Runs in a JVM of its own
 * (its points differ from the other examples', and one JVM weaves one profile).
 */
public class MisspelledTickets {
    @WedgeTest(seeds = "1..2", points = "src/test/resources/typo.points", faultTypes = DuplicateTicket.class,
            strategy = "noise", options = "p=0")
    void ticketsAreUnique() {
        TicketDispenser dispenser = new TicketDispenser();
        for (int i = 0; i < 10; i++) {
            dispenser.take();
        }
    }
}
