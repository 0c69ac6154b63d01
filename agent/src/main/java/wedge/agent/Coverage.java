package wedge.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wedge.agent.config.Unmatched;
import wedge.agent.log.Log;
import wedge.agent.points.Point;
import wedge.agent.points.PointKind;
import wedge.agent.weave.WeaveSetup;

/**
 * Whether a run was armed as asked: each point its profile declares matched a loaded class and a member of it, and
 * each fault type is a loadable exception class. A run that missed one tested less than the user asked for, so it
 * is never clean: the agent says so in one line that {@code wedge run} turns into {@code outcome=error}
 * ({@code points:unmatched NAME (why); ...}, {@code fault-type:unknown TYPE (why); ...}), and {@code @WedgeTest}
 * into a failed invocation. A point on a class that legitimately never loaded is the same case.
 *
 * <p>Checked at the end of a run, when every class the run needed has loaded; by reflection on the loaded classes
 * of the names the profile gives, so it costs nothing while the run goes.
 */
final class Coverage {
    /** Prefix of the agent's line for points that matched nothing. */
    static final String UNMATCHED = "points:unmatched ";
    /** Prefix of the agent's line for fault types that are no loadable exception class. */
    static final String UNKNOWN_FAULT_TYPE = "fault-type:unknown ";

    private final Instrumentation inst;
    private final List<Point> declared;
    private final List<String> faultTypes;

    /**
     * @param declared the points the profile declares (points found by the agent itself are not the user's ask)
     */
    Coverage(Instrumentation inst, List<Point> declared, List<String> faultTypes) {
        this.inst = inst;
        this.declared = List.copyOf(declared);
        this.faultTypes = List.copyOf(faultTypes);
    }

    /**
     * Checks the run and logs what it missed: an error under {@code unmatched=error}, a warning under {@code warn}.
     *
     * @return what the run missed, one line per kind, when that makes it an error; null when it missed nothing or
     *         the user accepts misses
     */
    String check(Unmatched policy) {
        List<String> missed = missed();
        if (missed.isEmpty()) {
            return null;
        }
        if (policy == Unmatched.WARN) {
            missed.forEach(m -> Log.warn("unmatched=warn: " + m));
            return null;
        }
        missed.forEach(Log::error);
        return String.join("\n", missed);
    }

    private List<String> missed() {
        Set<String> names = new HashSet<>(faultTypes);
        for (Point p : declared) {
            names.add(p.owner());
            if (p.scope() != null && p.scope().className() != null) {
                names.add(p.scope().className());
            }
        }
        Map<String, List<Class<?>>> loaded = new HashMap<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (names.contains(c.getName())) {
                loaded.computeIfAbsent(c.getName(), n -> new ArrayList<>()).add(c);
            }
        }
        List<String> points = new ArrayList<>();
        for (Point p : declared) {
            String why = unmatched(p, loaded.getOrDefault(p.owner(), List.of()));
            if (why == null && p.scope() != null && p.scope().methodName() != null) {
                why = scopeUnmatched(p, loaded.getOrDefault(p.scope().className(), List.of()));
            }
            if (why != null) {
                points.add(p.name() + " (" + p.target() + ": " + why + ")");
            }
        }
        List<String> types = new ArrayList<>();
        for (String type : faultTypes) {
            String why = unknown(type, loaded.getOrDefault(type, List.of()));
            if (why != null) {
                types.add(type + " (" + why + ")");
            }
        }
        List<String> missed = new ArrayList<>();
        if (!points.isEmpty()) {
            missed.add(UNMATCHED + String.join("; ", points));
        }
        if (!types.isEmpty()) {
            missed.add(UNKNOWN_FAULT_TYPE + String.join("; ", types));
        }
        return missed;
    }

    /** Why {@code p} matched nothing in {@code classes} (the loaded classes of its owner's name), or null. */
    private static String unmatched(Point p, List<Class<?>> classes) {
        if (classes.isEmpty()) {
            return "class " + p.owner() + " never loaded; check the name, or that the program reaches it";
        }
        boolean field = p.kind() == PointKind.FIELD_READ || p.kind() == PointKind.FIELD_WRITE;
        for (Class<?> c : classes) {
            try {
                if (!field) {
                    if (declaresMethod(c, p.member())) {
                        return null;
                    }
                    continue;
                }
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(p.member())) {
                        return WeaveSetup.weavesFieldOf(f.getType()) ? null : "field " + p.member() + " is a "
                                + f.getType().getName() + ", a type whose fields are not woven";
                    }
                }
            } catch (LinkageError e) {
                return null; // its members cannot be listed here (a type they name is missing): not a miss we know of
            }
        }
        return p.owner() + " declares no " + (field ? "field " : "method ") + p.member();
    }

    /** Why the method scope of {@code p} matched nothing in {@code classes} (its class's loaded classes), or null. */
    private static String scopeUnmatched(Point p, List<Class<?>> classes) {
        if (classes.isEmpty()) {
            return "scope " + p.scope() + ": class " + p.scope().className() + " never loaded";
        }
        for (Class<?> c : classes) {
            try {
                if (declaresMethod(c, p.scope().methodName())) {
                    return null;
                }
            } catch (LinkageError e) {
                return null;
            }
        }
        return "scope " + p.scope() + ": " + p.scope().className() + " declares no method "
                + p.scope().methodName() + " (constructors and static initialisers are not woven)";
    }

    private static boolean declaresMethod(Class<?> c, String name) {
        return Arrays.stream(c.getDeclaredMethods()).map(Method::getName).anyMatch(name::equals);
    }

    /** Why {@code type} is no loadable exception class, or null. */
    private static String unknown(String type, List<Class<?>> classes) {
        Class<?> c = classes.isEmpty() ? load(type) : classes.get(0);
        if (c == null) {
            return "no such class on the class path";
        }
        return Throwable.class.isAssignableFrom(c) ? null : "not an exception: it is never thrown";
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
