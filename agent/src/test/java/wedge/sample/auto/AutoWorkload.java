package wedge.sample.auto;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Programs for {@code points=auto} that name no fault type, one per mode:
 * <ul>
 *   <li>{@code sealed}: two threads share only final and volatile fields, and each has a plain field of its own
 *       ({@link Sealed}): nothing can race, the run ends cleanly;</li>
 *   <li>{@code byte} and {@code double}: two threads add to a field of that type without a lock ({@link Narrow});
 *       a lost update ends {@code main} with an uncaught {@link IllegalStateException};</li>
 *   <li>{@code throws}: a worker thread's {@code run} throws an {@link UnsupportedOperationException} (none of
 *       the JDK's usual suspects) that nothing catches;</li>
 *   <li>{@code npe}: a thread clears a {@link Holder}'s field; a worker then catches the NullPointerException of
 *       one use of it and lets that of another escape;</li>
 *   <li>{@code exit}: a thread clears a {@link Holder}'s field; {@code main} sees it (a NullPointerException it
 *       catches) and calls {@code System.exit(3)}.</li>
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
                    throw new UnsupportedOperationException("worker gave up");
                }, "worker");
                worker.start();
                worker.join();
            }
            case "npe" -> {
                Holder h = cleared();
                Thread worker = new Thread(() -> {
                    try {
                        h.check();
                    } catch (NullPointerException caught) {
                        System.out.println("caught: " + caught.getMessage());
                    }
                    h.use();
                }, "worker");
                worker.start();
                worker.join();
            }
            case "exit" -> {
                Holder h = cleared();
                try {
                    h.check();
                } catch (NullPointerException lost) {
                    System.err.println("the item is gone: " + lost.getMessage());
                    System.exit(3);
                }
            }
            default -> throw new IllegalArgumentException("mode: sealed, byte, double, throws, npe or exit");
        }
    }

    /** A holder whose item another thread has cleared, joined, so what follows is the same every run. */
    private static Holder cleared() throws InterruptedException {
        Holder h = new Holder();
        Thread clearer = new Thread(h::clear, "clearer");
        clearer.start();
        clearer.join();
        return h;
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
