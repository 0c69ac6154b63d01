package wedge.agent.weave;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.assign.primitive.PrimitiveWideningDelegate;
import net.bytebuddy.implementation.bytecode.constant.LongConstant;
import net.bytebuddy.implementation.bytecode.member.MethodVariableAccess;
import wedge.agent.points.Operand;
import wedge.agent.points.Point;

/**
 * Binds a method point's {@code label=} and {@code value=} operands into the advice: the subject as an
 * {@code Object}, the value widened to {@code long}, both read from the instrumented method's own locals so that
 * no argument array or boxing is allocated.
 */
final class OperandMapping implements Advice.OffsetMapping {
    private final Point point;
    private final Operand operand;
    private final boolean subject;

    private OperandMapping(Point point, Operand operand, boolean subject) {
        this.point = point;
        this.operand = operand;
        this.subject = subject;
    }

    /** The mapping of {@code point}'s subject. */
    static OperandMapping subject(Point point) {
        return new OperandMapping(point, point.label(), true);
    }

    /** The mapping of {@code point}'s value. */
    static OperandMapping value(Point point) {
        return new OperandMapping(point, point.value(), false);
    }

    @Override
    public Target resolve(TypeDescription instrumentedType, MethodDescription instrumentedMethod, Assigner assigner,
                          Advice.ArgumentHandler arguments, Sort sort) {
        return new Target.ForStackManipulation(load(instrumentedMethod, arguments));
    }

    private StackManipulation load(MethodDescription method, Advice.ArgumentHandler arguments) {
        switch (operand.source()) {
            case THIS:
                if (method.isStatic()) {
                    throw misfit(method, "the method is static and has no 'this'");
                }
                return MethodVariableAccess.loadThis();
            case ARG:
                if (operand.index() >= method.getParameters().size()) {
                    throw misfit(method, "the method has " + method.getParameters().size() + " parameters");
                }
                ParameterDescription p = method.getParameters().get(operand.index());
                return typed(method, p.getType().asErasure(), arguments.argument(p.getOffset()));
            case RETURN:
                TypeDescription r = method.getReturnType().asErasure();
                return r.represents(void.class) ? LongConstant.ZERO : typed(method, r, arguments.returned());
            case NONE:
                return LongConstant.ZERO;
            default:
                throw new AssertionError(operand);
        }
    }

    /** Loads a local of type {@code type}: a reference for a subject, an integral value widened to long for a value. */
    private StackManipulation typed(MethodDescription method, TypeDescription type, int offset) {
        StackManipulation load = MethodVariableAccess.of(type).loadFrom(offset);
        if (subject) {
            if (type.isPrimitive()) {
                throw misfit(method, operand + " is a " + type.getName() + ", and a label must be an object");
            }
            return load;
        }
        if (type.represents(long.class)) {
            return load;
        }
        if (type.isPrimitive() && !type.represents(float.class) && !type.represents(double.class)) {
            TypeDefinition asInt = TypeDescription.ForLoadedType.of(int.class);
            return new StackManipulation.Compound(load, PrimitiveWideningDelegate.forPrimitive(asInt)
                    .widenTo(TypeDescription.ForLoadedType.of(long.class)));
        }
        throw misfit(method, operand + " is a " + type.getName() + ", and a value must be an integer or boolean");
    }

    private IllegalStateException misfit(MethodDescription method, String why) {
        return new IllegalStateException("point " + point.name() + " (" + point.origin() + "): "
                + (subject ? "label=" : "value=") + operand + " does not fit " + method.toGenericString() + ": "
                + why);
    }
}
