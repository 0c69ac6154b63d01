package wedge.junit.example;

import wedge.junit.WedgeTest;

/**
 * The race with nothing that checks for it: two threads take tickets and nobody looks at the numbers, so no fault
 * can happen. Under {@code hunt} the race report alone fails the invocation.
 */
public class HuntedTickets {
    @WedgeTest(seeds = "1..5", strategy = "hunt", points = RacyTickets.POINTS, faultTypes = DuplicateTicket.class)
    void ticketsAreTaken() throws InterruptedException {
        TicketDispenser dispenser = new TicketDispenser();
        Thread[] threads = new Thread[2];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int n = 0; n < 2000; n++) {
                    dispenser.take();
                }
            }, "taker-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }
}
