package wedge.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.hasDescriptor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;
import wedge.agent.bootstrap.Hooks;
import wedge.agent.points.Point;
import wedge.agent.points.PointKind;

/**
 * Weaves a {@code field-read} point on a reference field, or a {@code call-site} point on a call that returns a
 * reference, so that the value the program goes on with is still the one its own {@code getfield},
 * {@code getstatic} or call produced: the access is followed by a copy of the value for the hook
 * ({@code dup_x1}, or {@code dup} and the caller's {@code this}), then {@code ldc point; ldc site; invokestatic}
 * of a hook that returns nothing, leaving the original on the stack. A hook that returned the value instead (as the
 * primitive values' hooks do) would be, for the JVM's helpful NullPointerException messages, where a null came from
 * ({@code because the return value of "wedge.agent.bootstrap.Hooks.readObject(...)" is null}); this way the program
 * keeps its own ({@code because "this.appenderList" is null}, {@code because the return value of "A.list()" is
 * null}).
 *
 * <p>Adds no branch, so the class's stack map frames stand; each woven access needs at most four more stack slots.
 */
final class ReferenceValues implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {
    private static final String HOOKS = Type.getInternalName(Hooks.class);
    /** The descriptor of {@link Hooks#readSeen} and {@link Hooks#callSeen}: subject, value, point, site. */
    private static final String HOOK_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/Object;ILjava/lang/String;)V";
    private static final int EXTRA_STACK = 4;

    private final Point point;

    /** @param point a {@code field-read} or {@code call-site} point */
    ReferenceValues(Point point) {
        this.point = point;
    }

    /** Whether this weaves {@code p} (the reference part of it: values of other types go through MemberSubstitution). */
    static boolean weaves(Point p) {
        return p.kind() == PointKind.FIELD_READ || p.kind() == PointKind.CALL_SITE;
    }

    @Override
    public MethodVisitor wrap(TypeDescription instrumentedType, MethodDescription instrumentedMethod,
                              MethodVisitor methodVisitor, Implementation.Context implementationContext,
                              TypePool typePool, int writerFlags, int readerFlags) {
        String site = instrumentedMethod.toString();
        boolean hasThis = !instrumentedMethod.isStatic();
        return new MethodVisitor(Opcodes.ASM9, methodVisitor) {
            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
                if (point.kind() != PointKind.FIELD_READ || !read || !name.equals(point.member())
                        || !isReference(descriptor) || !declaredByPointOwner(typePool, owner, name, null)) {
                    super.visitFieldInsn(opcode, owner, name, descriptor);
                    return;
                }
                if (opcode == Opcodes.GETFIELD) {
                    super.visitInsn(Opcodes.DUP); // owner, owner
                    super.visitFieldInsn(opcode, owner, name, descriptor); // owner, value
                    super.visitInsn(Opcodes.DUP_X1); // value, owner, value
                } else {
                    super.visitFieldInsn(opcode, owner, name, descriptor); // value
                    subject(false); // value, null, value
                }
                hook("readSeen");
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
                super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                if (point.kind() == PointKind.CALL_SITE && name.equals(point.member())
                        && isReference(Type.getReturnType(descriptor).getDescriptor())
                        && declaredByPointOwner(typePool, owner, name, descriptor)) {
                    subject(hasThis); // result, caller, result
                    hook("callSeen");
                }
            }

            /** From {@code value} to {@code value, subject, value}: the caller's {@code this}, or null. */
            private void subject(boolean caller) {
                super.visitInsn(Opcodes.DUP);
                if (caller) {
                    super.visitVarInsn(Opcodes.ALOAD, 0);
                } else {
                    super.visitInsn(Opcodes.ACONST_NULL);
                }
                super.visitInsn(Opcodes.SWAP);
            }

            private void hook(String name) {
                super.visitLdcInsn(point.id());
                super.visitLdcInsn(site);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, HOOK_DESCRIPTOR, false);
            }

            @Override
            public void visitMaxs(int maxStack, int maxLocals) {
                super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
            }
        };
    }

    private static boolean isReference(String descriptor) {
        return descriptor.startsWith("L") || descriptor.startsWith("[");
    }

    /**
     * Whether the member {@code name} (a method of {@code descriptor}, or a field when that is null), as the
     * instruction names it through class {@code owner}, is the one the point's class declares: the instruction names
     * the type it was compiled against, which may inherit the member.
     */
    private boolean declaredByPointOwner(TypePool pool, String owner, String name, String descriptor) {
        String ownerName = owner.replace('/', '.');
        if (ownerName.equals(point.owner())) {
            return true;
        }
        TypePool.Resolution resolution = pool.describe(ownerName);
        return resolution.isResolved() && declarer(resolution.resolve(), name, descriptor).equals(point.owner());
    }

    /** The name of the type that declares the member, looked up from {@code type} as the JVM resolves it; or "". */
    private static String declarer(TypeDefinition type, String name, String descriptor) {
        for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
            boolean declares = descriptor == null
                    ? t.getDeclaredFields().stream().anyMatch(f -> f.getName().equals(name))
                    : !t.getDeclaredMethods().filter(named(name).and(hasDescriptor(descriptor))).isEmpty();
            if (declares) {
                return t.asErasure().getName();
            }
        }
        if (descriptor != null) {
            for (TypeDefinition i : type.asErasure().getInterfaces().asErasures()) {
                String found = declarer(i, name, descriptor);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }
}
