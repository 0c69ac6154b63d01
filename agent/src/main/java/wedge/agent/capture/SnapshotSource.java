package wedge.agent.capture;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;
import wedge.agent.config.AgentOptions;

/**
 * Calls the configured static snapshot method ({@code Class#method}) by reflection; the agent has no compile-time
 * knowledge of the application. The result must be plain data (maps, lists, numbers, strings, booleans).
 */
final class SnapshotSource {
    private final String spec;

    SnapshotSource(String spec) {
        this.spec = spec;
    }

    /** The method as configured, or {@code none}. */
    String spec() {
        return spec;
    }

    /**
     * Takes the snapshot, finding the class through the given loaders in order (the fault's loader first).
     *
     * @return the result; never null when {@code error} is empty
     * @throws SnapshotFailure saying why there is no snapshot
     */
    Object take(ClassLoader... preferred) throws SnapshotFailure {
        if (spec.equals(AgentOptions.NO_SNAPSHOT)) {
            throw new SnapshotFailure("snapshots are off (snapshot=none)");
        }
        int hash = spec.indexOf('#');
        Method m = find(spec.substring(0, hash), spec.substring(hash + 1), preferred);
        try {
            m.setAccessible(true);
            return m.invoke(null);
        } catch (InvocationTargetException e) {
            throw new SnapshotFailure(spec + " threw " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SnapshotFailure("cannot call " + spec + ": " + e);
        }
    }

    private static Method find(String className, String methodName, ClassLoader... preferred)
            throws SnapshotFailure {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        for (ClassLoader l : preferred) {
            if (l != null) {
                loaders.add(l);
            }
        }
        loaders.add(ClassLoader.getSystemClassLoader());
        for (ClassLoader l : loaders) {
            try {
                Method m = Class.forName(className, true, l).getDeclaredMethod(methodName);
                if (!Modifier.isStatic(m.getModifiers())) {
                    throw new SnapshotFailure(className + "#" + methodName + " is not static");
                }
                return m;
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                // try the next loader
            }
        }
        throw new SnapshotFailure("no static no-argument method " + className + "#" + methodName
                + " is visible from the application's class loaders");
    }

    /** Why no snapshot could be taken; the message goes into the dump. */
    static final class SnapshotFailure extends Exception {
        private static final long serialVersionUID = 1L;

        SnapshotFailure(String message) {
            super(message, null, false, false);
        }
    }
}
