package wedge.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import wedge.agent.bootstrap.Hooks;
import wedge.agent.log.Log;
import wedge.agent.points.Point;

/**
 * The agent's one {@link AgentBuilder} chain: what is ignored, what is woven and how, who hears about it.
 * Transformations are not terminal, so a fault type that sits inside a point's scope gets both.
 */
public final class Weaving {
    /** The agent's own packages, never woven. */
    private static final String AGENT = "wedge.agent.";

    private Weaving() {
    }

    /**
     * Weaves {@code points} and the fault type's constructors into every class, loaded now or later, that they
     * concern. Retransformation without class-format changes works the same at start-up and on dynamic attach.
     * Byte Buddy's weaver is built when the first such class loads, or before by the task returned (see
     * {@link LazyWeaver}).
     *
     * @param hookClasses where to read the hook classes' bytes (see {@link HookMethods})
     * @return what to run beside {@code main}: builds the weaver, then loads the fault types and the classes the
     *         points name, so they are woven before they are needed
     */
    public static Runnable install(Instrumentation inst, List<Point> points, List<String> faultTypes,
                                   WeaveListener listener, ClassFileLocator hookClasses) {
        Set<String> faults = Set.copyOf(faultTypes);
        LazyWeaver lazy = new LazyWeaver(
                name -> faults.contains(name) || PointTransformer.covers(points, name) && !name.startsWith(AGENT),
                () -> weaver(points, faults, listener, hookClasses));
        inst.addTransformer(lazy, true);
        retransformLoaded(inst, lazy);
        return () -> {
            lazy.build();
            // Fault types first: a fault must find its type woven. Then the classes the points name, whose weaving
            // would otherwise hold up the first thread that needs them.
            Stream.concat(faultTypes.stream(), points.stream().flatMap(Weaving::classesNamed))
                    .filter(lazy::concerns)
                    .distinct()
                    .forEach(Weaving::preload);
        };
    }

    /** The classes {@code p} names: its owner, and the class of its scope when the scope is one class. */
    private static Stream<String> classesNamed(Point p) {
        return p.scope() == null || p.scope().className() == null ? Stream.of(p.owner())
                : Stream.of(p.owner(), p.scope().className());
    }

    private static ClassFileTransformer weaver(List<Point> points, Set<String> faultTypes, WeaveListener listener,
                                               ClassFileLocator hookClasses) {
        PointTransformer pointWeaver = new PointTransformer(points, HookMethods.load(hookClasses));
        return new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(listener)
                .ignore(nameStartsWith(AGENT).or(isSynthetic()))
                .type(t -> PointTransformer.covers(points, t.getName()))
                .transform(pointWeaver)
                .type(t -> faultTypes.contains(t.getName()))
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(Advice.to(FaultAdvice.class).on(isConstructor())))
                .makeRaw();
    }

    /** Weaves the classes already loaded that the run concerns: the JDK's fault types, or any on dynamic attach. */
    private static void retransformLoaded(Instrumentation inst, LazyWeaver lazy) {
        Class<?>[] loaded = Arrays.stream(inst.getAllLoadedClasses())
                .filter(c -> lazy.concerns(c.getName()) && inst.isModifiableClass(c))
                .toArray(Class<?>[]::new);
        if (loaded.length == 0) {
            return;
        }
        try {
            inst.retransformClasses(loaded);
        } catch (UnmodifiableClassException e) {
            throw new IllegalStateException("cannot weave the classes already loaded: " + e, e);
        }
    }

    /**
     * Weaves {@link ThreadStartAdvice} into {@code java.lang.Thread#start()}, already loaded, by retransformation.
     * {@code java.base} is first made to read the module of the hook classes (the bootstrap loader's unnamed
     * module), which named modules do not read by default. Only the scheduling strategies need this; the others
     * leave the JDK untouched. The transformer is removed once {@code Thread} is woven, so classes loaded later do
     * not pass through it; the woven {@code Thread} stays.
     *
     * @param listener hears of a failure, which is fatal; not the point listener, whose woven classes the hang
     *                 watchdog looks for on stacks (every thread has {@code Thread} frames)
     */
    public static void weaveThreadStart(Instrumentation inst, AgentBuilder.Listener listener) {
        inst.redefineModule(Thread.class.getModule(), Set.of(Hooks.class.getModule()), Map.of(), Map.of(), Set.of(),
                Map.of());
        ClassFileTransformer transformer = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(listener)
                .ignore(none())
                .type(is(Thread.class))
                .transform((builder, type, loader, module, domain) -> builder.visit(
                        Advice.to(ThreadStartAdvice.class).on(named("start").and(takesNoArguments()))))
                .installOn(inst);
        inst.removeTransformer(transformer);
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
