package wedge.repro.cli;

/**
 * A program with a time limit of its own: a worker counts through a point as fast as it can, and after a second
 * the program gives up, exit 1, as Larson does when its workers do not stop in time. Under long pauses of the
 * agent's, the worker is in one when that happens.
 */
public final class GivesUpWhilePaused {
    private long count;

    private GivesUpWhilePaused() {
    }

    private void step() {
        count++;
    }

    public static void main(String[] args) throws InterruptedException {
        GivesUpWhilePaused p = new GivesUpWhilePaused();
        Thread worker = new Thread(() -> {
            while (true) {
                p.step();
            }
        }, "worker");
        worker.setDaemon(true);
        worker.start();
        Thread.sleep(1000);
        System.err.println("gave up after a second");
        System.exit(1);
    }
}
