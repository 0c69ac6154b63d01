package wedge.sample.auto;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Programs for {@code points=auto} that name no fault type, one per mode:
 * <ul>
 *   <li>{@code sealed}: two threads share only final and volatile fields, and each has a plain field of its own
 *       ({@link Sealed}): nothing can race, the run ends cleanly;</li>
 *   <li>{@code byte} and {@code double}: two threads add to a field of that type without a lock ({@link Narrow});
 *       a lost update ends {@code main} with an uncaught {@link IllegalStateException};</li>
 *   <li>{@code throws}: a worker thread's {@code run} throws an {@link IllegalStateException} that nothing
 *       catches.</li>
 * </ul>
 * Usage: {@code AutoWorkload MODE [ROUNDS]}.
 */
public final class AutoWorkload {
    private AutoWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        switch (args[0]) {
            case "sealed" -> sealed(rounds);
            case "byte", "double" -> narrow(args[0].equals("byte"), rounds);
            case "throws" -> {
                Thread worker = new Thread(() -> {
                    throw new IllegalStateException("worker gave up");
                }, "worker");
                worker.start();
                worker.join();
            }
            default -> throw new IllegalArgumentException("mode: sealed, byte, double or throws");
        }
    }

    private static void sealed(int rounds) throws InterruptedException {
        Sealed shared = new Sealed(new AtomicInteger());
        Thread a = new Thread(() -> shared.work(new Sealed(new AtomicInteger()), rounds), "a");
        Thread b = new Thread(() -> shared.work(new Sealed(new AtomicInteger()), rounds), "b");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("sealed: " + shared.total());
    }

    private static void narrow(boolean narrowByte, int rounds) throws InterruptedException {
        Narrow n = new Narrow();
        Runnable r = () -> {
            for (int i = 0; i < rounds; i++) {
                if (narrowByte) {
                    n.addByte();
                } else {
                    n.addDouble();
                }
            }
        };
        Thread a = new Thread(r, "adder-a");
        Thread b = new Thread(r, "adder-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (n.count() != (byte) (narrowByte ? 2 * rounds : 0) || n.total() != (narrowByte ? 0 : 2.0 * rounds)) {
            throw new IllegalStateException("lost updates: count " + n.count() + ", total " + n.total());
        }
        System.out.println("no update lost");
    }
}
