package wedge.agent.weave;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.bytebuddy.description.type.TypeDescription;
import wedge.agent.bootstrap.Hooks;
import wedge.agent.log.Log;
import wedge.agent.points.AutoFields;
import wedge.agent.points.Point;

/**
 * How the agent weaves: one name-only transformer per weaving ({@link CachingWeaver}), the woven-class cache behind
 * it, and Byte Buddy's weaver ({@link Weaving}) made only on a miss. Retransformation without class-format changes
 * works the same at start-up and on dynamic attach, from the cache or not.
 */
public final class WeaveSetup {
    private final Instrumentation inst;
    private final AgentJar agent;
    private final HookClassFiles hookClasses;
    private final WeaveCache cache;

    /**
     * @param hookClasses where to read the hook classes' files (see {@link HookMethods})
     * @param cacheOption the {@code weave-cache} option: null for the user's cache, {@code off}, or a directory
     * @param attached    whether the agent was attached to a running JVM, which it must then never halt
     */
    public WeaveSetup(Instrumentation inst, AgentJar agent, HookClassFiles hookClasses, String cacheOption,
                      boolean attached) {
        if (attached) {
            WeaveFailure.attached();
        }
        this.inst = inst;
        this.agent = agent;
        this.hookClasses = hookClasses;
        this.cache = WeaveCache.open(cacheOption, agent);
    }

    /**
     * Weaves {@code points} and the fault types' constructors (with none, the JDK's usual suspects' constructors and
     * {@code Runtime.exit}) into every class, loaded now or later, that they concern.
     *
     * @param auto  the fields of {@code points=auto}, whose points {@code points} are (every class of its scope is
     *              woven); null for a profile's points
     * @param woven receives the binary name of every class woven (the hang watchdog looks for them on stacks)
     * @return what to run beside {@code main}: loads the fault types and the classes the points name, so they are
     *         woven (and on a cold cache the weaver made) before they are needed
     * @throws WeaveRefused when attached and a class already loaded cannot be woven; every class is then as it was
     */
    public Runnable weavePoints(List<Point> points, AutoFields auto, List<String> faultTypes, Set<String> woven) {
        // a run that names no fault type weaves what its rule needs in their place
        List<String> faultClasses = faultTypes.isEmpty() ? NoFaultType.CLASSES : faultTypes;
        Set<String> faults = Set.copyOf(faultClasses);
        CachingWeaver weaver = new CachingWeaver(
                name -> faults.contains(name) || (auto == null ? Point.anyWovenInto(points, name)
                        : auto.weaves(name)) && !name.startsWith(Weaving.AGENT),
                () -> Weaving.points(points, auto, Set.copyOf(faultTypes), hookClasses), cache,
                WeaveKey.forPoints(String.valueOf(agent.build()), points, auto, faultTypes), woven);
        readHooks(points, faultClasses);
        inst.addTransformer(weaver, true);
        Class<?>[] loaded = retransformLoaded(weaver);
        List<String> failed = WeaveFailure.drain();
        if (!failed.isEmpty()) {
            // Only an attached agent gets here (at start-up a failure halts): put every class back as it was.
            inst.removeTransformer(weaver);
            retransform(loaded);
            throw new WeaveRefused(String.join("; ", failed) + "; nothing was woven");
        }
        // Fault types first: a fault must find its type woven. Then the classes the points name, whose weaving would
        // otherwise hold up the first thread that needs them.
        return () -> Stream.concat(faultClasses.stream(), points.stream().flatMap(WeaveSetup::classesNamed))
                .filter(weaver::concerns)
                .distinct()
                .forEach(WeaveSetup::preload);
    }

    /**
     * Weaves {@link ThreadStartAdvice} into {@code java.lang.Thread#start()}, already loaded, by retransformation.
     * {@code java.base} is first made to read the module of the hook classes (the bootstrap loader's unnamed module),
     * which named modules do not read by default. Only the scheduling strategies need this; the others leave the JDK
     * untouched. The transformer is removed once {@code Thread} is woven, so classes loaded later do not pass through
     * it; the woven {@code Thread} stays, and is not among the classes the hang watchdog looks for (every thread has
     * {@code Thread} frames).
     */
    public void weaveThreadStart() {
        inst.redefineModule(Thread.class.getModule(), Set.of(Hooks.class.getModule()), Map.of(), Map.of(), Set.of(),
                Map.of());
        CachingWeaver weaver = new CachingWeaver(Thread.class.getName()::equals, () -> Weaving.threadStart(), cache,
                WeaveKey.of(String.valueOf(agent.build()), "thread-start"), ConcurrentHashMap.newKeySet());
        inst.addTransformer(weaver, true);
        try {
            inst.retransformClasses(Thread.class);
        } catch (UnmodifiableClassException e) {
            throw new IllegalStateException("cannot weave Thread#start: " + e, e);
        } finally {
            inst.removeTransformer(weaver);
        }
    }

    /**
     * Whether fields of {@code type} are woven (those of other types are skipped, and the run says so). The common
     * types are answered without {@link ValueShape}, whose matchers would load Byte Buddy into a run that the cache
     * served without it.
     */
    public static boolean weavesFieldOf(Class<?> type) {
        return !type.isPrimitive() || type == long.class || type == int.class || type == boolean.class
                || ValueShape.FIELDS.stream()
                .anyMatch(shape -> shape.type.matches(TypeDescription.ForLoadedType.of(type)));
    }

    /** The classes {@code p} names: its owner, and the class of its scope when the scope is one class. */
    private static Stream<String> classesNamed(Point p) {
        return p.scope() == null || p.scope().className() == null ? Stream.of(p.owner())
                : Stream.of(p.owner(), p.scope().className());
    }

    /**
     * Weaves the classes already loaded that the run concerns (the JDK's fault types and classes, or any on dynamic
     * attach); returns them.
     */
    private Class<?>[] retransformLoaded(CachingWeaver weaver) {
        Class<?>[] loaded = Arrays.stream(inst.getAllLoadedClasses())
                .filter(c -> weaver.concerns(c.getName()) && inst.isModifiableClass(c))
                .toArray(Class<?>[]::new);
        retransform(loaded);
        return loaded;
    }

    private void retransform(Class<?>[] classes) {
        if (classes.length == 0) {
            return;
        }
        try {
            inst.retransformClasses(classes);
        } catch (UnmodifiableClassException e) {
            throw new WeaveRefused("cannot weave the classes already loaded: " + e);
        }
    }

    /**
     * Lets the modules of the JDK classes that points name read the hook classes (the bootstrap loader's unnamed
     * module), which named modules do not read by default; as {@link #weaveThreadStart} does for {@code Thread}.
     */
    private void readHooks(List<Point> points, List<String> faultTypes) {
        Set<String> packages = new HashSet<>();
        faultTypes.forEach(t -> packages.add(packageOf(t)));
        for (Point p : points) {
            packages.add(packageOf(p.owner()));
            if (p.scope() != null) {
                packages.add(p.scope().packageName() != null ? p.scope().packageName()
                        : packageOf(p.scope().className()));
            }
        }
        for (Module m : ModuleLayer.boot().modules()) {
            if (!Collections.disjoint(m.getPackages(), packages)) {
                inst.redefineModule(m, Set.of(Hooks.class.getModule()), Map.of(), Map.of(), Set.of(), Map.of());
            }
        }
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /**
     * Loads a class, without initialising it, so it is woven before it is needed: weaving a fault type on first use
     * would take tens of milliseconds inside the faulting thread, while the other threads run on and blur the heap
     * the dump shows. A class that is not on the system class path is not an error (the application may load it
     * later, elsewhere); it is woven whenever it loads.
     */
    private static void preload(String name) {
        try {
            Class.forName(name, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            Log.debug(name + " is not on the system class path: " + e);
        }
    }
}
