package wedge.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import java.lang.instrument.Instrumentation;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import wedge.agent.log.Log;
import wedge.agent.points.Point;

/**
 * The agent's one {@link AgentBuilder} chain: what is ignored, what is woven and how, who hears about it.
 * Transformations are not terminal, so a fault type that sits inside a point's scope gets both.
 */
public final class Weaving {
    private Weaving() {
    }

    /**
     * Weaves {@code points} and the fault type's constructors into every class, loaded now or later, that they
     * concern. Retransformation without class-format changes works the same at start-up and on dynamic attach.
     *
     * @param hookClasses where to read the hook classes' bytes (see {@link HookMethods})
     */
    public static void install(Instrumentation inst, List<Point> points, List<String> faultTypes, WeaveListener listener,
                               ClassFileLocator hookClasses) {
        PointTransformer pointWeaver = new PointTransformer(points, HookMethods.load(hookClasses));
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(listener)
                .ignore(nameStartsWith("wedge.agent.").or(isSynthetic()))
                .type(t -> pointWeaver.covers(t.getName()))
                .transform(pointWeaver)
                .type(namedOneOf(faultTypes.toArray(String[]::new)))
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(Advice.to(FaultAdvice.class).on(isConstructor())))
                .installOn(inst);
        faultTypes.forEach(Weaving::preload);
    }

    /**
     * Loads a fault type now, so it is woven before the first fault: weaving it on first use would take tens of
     * milliseconds inside the faulting thread, while the other threads run on and blur the heap the dump shows.
     * An application without that class is not an error (the option may name a class it loads later, elsewhere).
     */
    private static void preload(String faultType) {
        try {
            Class.forName(faultType, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            Log.debug("fault type " + faultType + " is not on the system class path yet: " + e);
        }
    }
}
