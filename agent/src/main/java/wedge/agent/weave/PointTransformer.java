package wedge.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.fieldType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import java.security.ProtectionDomain;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.asm.MemberSubstitution.Substitution.Chain;
import net.bytebuddy.asm.MemberSubstitution.Substitution.Chain.Step;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import wedge.agent.bootstrap.PointId;
import wedge.agent.points.Point;
import wedge.agent.points.PointKind;
import wedge.agent.points.Scope;

/**
 * Weaves every point that concerns a class into it: field and call-site points by rewriting the accesses in the
 * methods of their scope ({@link MemberSubstitution}), method points by inlining advice into their method.
 *
 * <p>A rewritten read or call keeps the original instruction and passes its result through the hook
 * ({@code original; hook}); a rewritten write calls the hook with the value first ({@code hook; original}). A read
 * of a reference field, or a call returning a reference, hands the hook a copy instead ({@link ReferenceValues}), so
 * the program's own access stays the value's source. Each
 * woven site carries its point id as a constant and its enclosing method as a string constant, so a site costs no
 * lookup at run time.
 */
final class PointTransformer implements AgentBuilder.Transformer {
    private final List<Point> points;
    private final HookMethods hooks;

    PointTransformer(List<Point> points, HookMethods hooks) {
        this.points = points;
        this.hooks = hooks;
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                                            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        for (Point p : points) {
            if (p.kind().isMethodBoundary()) {
                if (p.owner().equals(type.getName())) {
                    builder = builder.visit(advice(p).on(named(p.member()).and(isMethod())
                            .and(not(isAbstract())).and(not(isNative()))));
                }
            } else if (p.scope().coversType(type.getName())) {
                builder = builder.visit(substitution(p).on(methodsOf(p.scope(), type)));
                if (ReferenceValues.weaves(p)) {
                    builder = builder.visit(new AsmVisitorWrapper.ForDeclaredMethods()
                            .method(methodsOf(p.scope(), type), new ReferenceValues(p)));
                }
            }
        }
        return builder;
    }

    private Advice advice(Point p) {
        return Advice.withCustomMapping()
                .bind(PointId.class, p.id())
                .bind(Subject.class, OperandMapping.subject(p))
                .bind(PointValue.class, OperandMapping.value(p))
                .to(p.kind() == PointKind.METHOD_ENTER ? EnterAdvice.class : ExitAdvice.class);
    }

    private MemberSubstitution substitution(Point p) {
        MemberSubstitution s = MemberSubstitution.relaxed();
        if (p.kind() == PointKind.CALL_SITE) {
            ElementMatcher.Junction<MethodDescription> called = named(p.member()).and(isDeclaredBy(named(p.owner())));
            for (ValueShape shape : ValueShape.RESULTS) {
                if (shape == ValueShape.REFERENCE) {
                    continue; // woven by ReferenceValues, which keeps the program's own call as the value's source
                }
                s = s.method(called.and(returns(shape.type)))
                        .replaceWith(chain(Step.OfOriginalExpression.INSTANCE, hook("call", shape, p)));
            }
            return s;
        }
        ElementMatcher.Junction<FieldDescription> field = named(p.member()).and(isDeclaredBy(named(p.owner())));
        for (ValueShape shape : ValueShape.FIELDS) {
            if (p.kind() == PointKind.FIELD_READ && shape == ValueShape.REFERENCE) {
                continue; // woven by ReferenceValues, which keeps the program's own read as the value's source
            }
            if (p.kind() == PointKind.FIELD_READ) {
                s = s.field(field.and(fieldType(shape.type))).onRead()
                        .replaceWith(chain(Step.OfOriginalExpression.INSTANCE, hook("read", shape, p)));
            } else {
                s = s.field(field.and(fieldType(shape.type))).onWrite()
                        .replaceWith(chain(hook("write", shape, p), Step.OfOriginalExpression.INSTANCE));
            }
        }
        return s;
    }

    /** Dynamic typing lets a reference hook's {@code Object} result be cast back to the field's or call's type. */
    private static Chain.Factory<MemberSubstitution.Target> chain(
            Step.Factory<? super MemberSubstitution.Target> first,
            Step.Factory<? super MemberSubstitution.Target> second) {
        return Chain.<MemberSubstitution.Target>with(Assigner.DEFAULT, Assigner.Typing.DYNAMIC)
                .executing(first, second);
    }

    private Step.Factory<MemberSubstitution.Target> hook(String access, ValueShape shape, Point p) {
        return Step.ForDelegation.withCustomMapping()
                .bind(PointId.class, p.id())
                .to(hooks.hook(access + shape.suffix));
    }

    /**
     * The methods of {@code type} in {@code scope}. A record's generated {@code toString}, {@code hashCode} and
     * {@code equals} are left out: they touch only the record's own components, and Byte Buddy cannot yet rewrite
     * around their {@code ObjectMethods} call sites (field-getter handles as bootstrap arguments).
     */
    private static ElementMatcher.Junction<MethodDescription> methodsOf(Scope scope, TypeDescription type) {
        ElementMatcher.Junction<MethodDescription> methods = scope.methodName() == null ? isMethod()
                : isMethod().and(named(scope.methodName()));
        return type.isRecord() ? methods.and(not(named("toString").or(named("hashCode")).or(named("equals"))))
                : methods;
    }
}
