import java.util.ArrayList;
import java.util.List;

/**
 * A user's own linked stack with a plain head field, pushed by two threads at once: the textbook lost update (each
 * push reads head, links its node to it, writes head). At the end the stack is counted; a lost push throws
 * {@link LostPushes}, the fault its profile (plainstack.points) names.
 *
 * <p>Usage: {@code java PlainStack [PUSHES_PER_THREAD]} (default 400).
 */
public class PlainStack {
    /** The stack lost pushes: fewer nodes on it than were pushed. */
    public static final class LostPushes extends RuntimeException {
        LostPushes(int expected, int found) {
            super((expected - found) + " of " + expected + " pushes lost");
        }
    }

    private static final class Node {
        final int item;
        final Node next;

        Node(int item, Node next) {
            this.item = item;
            this.next = next;
        }
    }

    private Node head;

    void push(int item) {
        Node top = head;
        head = new Node(item, top);
    }

    int size() {
        int n = 0;
        for (Node p = head; p != null; p = p.next) {
            n++;
        }
        return n;
    }

    public static void main(String[] args) throws InterruptedException {
        int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        PlainStack stack = new PlainStack();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int base = t * pushes;
            Thread th = new Thread(() -> {
                for (int i = 0; i < pushes; i++) {
                    stack.push(base + i);
                }
            }, "pusher-" + t);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        if (stack.size() != 2 * pushes) {
            throw new LostPushes(2 * pushes, stack.size());
        }
        System.out.println("all " + 2 * pushes + " pushes on the stack");
    }

    @Override
    public String toString() {
        return "stack";
    }
}
