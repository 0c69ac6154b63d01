package wedge.agent.it;

import java.util.HashMap;
import java.util.Map;

/**
 * The lost-entry race of an unsynchronised {@link HashMap} shared by two threads, each putting keys of its own:
 * a resize or a size update that another thread's overwrites loses entries. Runs at most {@code rounds} rounds
 * (argument 0) and throws {@link IllegalStateException} in {@code main} at the first round that lost one (a JDK
 * type, as the agent ignores its own package, and one the agent may construct itself); prints {@code no entry lost}
 * and exits 0 otherwise.
 */
public final class LostMapEntry {
    private static final int KEYS = 2000;

    private LostMapEntry() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = Integer.parseInt(args[0]);
        for (int round = 0; round < rounds; round++) {
            Map<Integer, Integer> map = new HashMap<>();
            Thread a = new Thread(() -> putAll(map, 0), "putter-a");
            Thread b = new Thread(() -> putAll(map, KEYS), "putter-b");
            a.start();
            b.start();
            a.join();
            b.join();
            if (map.size() != 2 * KEYS) {
                throw new IllegalStateException("lost entry: round " + round + ": " + map.size() + " entries of "
                        + 2 * KEYS);
            }
        }
        System.out.println("no entry lost");
    }

    private static void putAll(Map<Integer, Integer> map, int from) {
        for (int i = from; i < from + KEYS; i++) {
            map.put(i, i);
        }
    }
}
