package wedge.npe;

import java.util.List;

/**
 * Reads two reference fields that are null, an instance one and a static one, and calls a method that returns null,
 * and prints the JVM's helpful NullPointerException message of each, then the agent's event count (read by
 * reflection; -1 without an agent).
 * Outside the agent's package, so the agent weaves it.
 */
public final class Appenders {
    private static List<String> shared;
    private List<String> appenderList;

    private Appenders() {
    }

    private int count() {
        return appenderList.size();
    }

    private List<String> list() {
        return appenderList;
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        Appenders a = new Appenders();
        try {
            System.out.println(a.count());
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
        try {
            System.out.println(shared.size());
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
        try {
            System.out.println(a.list().size());
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
        System.out.println("events " + Class.forName("wedge.agent.bootstrap.HookWiring", true, null)
                .getMethod("eventCount").invoke(null));
    }
}
