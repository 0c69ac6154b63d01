package wedge.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassFileTransformer;
import java.util.List;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassWriter;
import wedge.agent.points.AutoFields;
import wedge.agent.points.Point;

/**
 * The agent's {@link AgentBuilder} chains: what is ignored, what is woven and how, who hears about it. Only a miss
 * of the woven-class cache loads this class, and with it Byte Buddy ({@link WeaveSetup}). Transformations are not
 * terminal, so a fault type that sits inside a point's scope gets both.
 */
final class Weaving {
    /** The agent's own packages, never woven. */
    static final String AGENT = "wedge.agent.";

    private Weaving() {
    }

    /**
     * The weaver of {@code points} and of the fault types' constructors; when there are none, of what the rule of
     * a run without a fault type needs ({@link NoFaultType}).
     *
     * @param auto the fields of {@code points=auto}, whose points are {@code points}; null for a profile's points
     */
    static ClassWeaver points(List<Point> points, AutoFields auto, Set<String> faultTypes,
                              HookClassFiles hookClasses) {
        HookMethods hooks;
        try {
            hooks = HookMethods.load(new ClassFileLocator.Simple(hookClasses.classes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hook classes: " + e.getMessage(), e);
        }
        AgentBuilder.Transformer pointWeaver = auto == null ? new PointTransformer(points, hooks)
                : (builder, type, loader, module, domain) -> builder.visit(new AsmVisitorWrapper.ForDeclaredMethods()
                        .writerFlags(ClassWriter.COMPUTE_MAXS).method(isMethod(), new AutoFieldWeaver(auto)));
        DependencyRecorder recorder = new DependencyRecorder();
        return recording(recorder, new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(recorder)
                .with(new WeaveListener(points, auto != null))
                .ignore(nameStartsWith(AGENT).or(isSynthetic()))
                .type(t -> auto == null ? Point.anyWovenInto(points, t.getName()) : auto.weaves(t.getName()))
                .transform(pointWeaver)
                .type(t -> faultTypes.contains(t.getName()))
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(Advice.to(FaultAdvice.class).on(isConstructor())))
                .type(t -> faultTypes.isEmpty() && NoFaultType.SUSPECTS.contains(t.getName()))
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(Advice.to(ThrownAdvice.class).on(isConstructor())))
                .type(t -> faultTypes.isEmpty() && t.getName().equals(NoFaultType.RUNTIME))
                .transform((builder, type, loader, module, domain) -> builder.visit(
                        Advice.to(RuntimeExitAdvice.class).on(named("exit").and(takesArguments(int.class)))))
                .makeRaw());
    }

    /**
     * The weaver of {@link ThreadStartAdvice} into {@code java.lang.Thread#start()}, for retransformation of the
     * loaded {@code Thread}.
     */
    static ClassWeaver threadStart() {
        DependencyRecorder recorder = new DependencyRecorder();
        return recording(recorder, new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(recorder)
                .with(new WeaveListener(List.of(), false))
                .ignore(none())
                .type(is(Thread.class))
                .transform((builder, type, loader, module, domain) -> builder.visit(
                        Advice.to(ThreadStartAdvice.class).on(named("start").and(takesNoArguments()))))
                .makeRaw());
    }

    private static ClassWeaver recording(DependencyRecorder recorder, ClassFileTransformer raw) {
        return (module, loader, name, redefined, domain, classFile) ->
                recorder.record(() -> raw.transform(module, loader, name, redefined, domain, classFile));
    }
}
