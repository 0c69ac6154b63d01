package wedge.agent.weave;

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

/**
 * Weaves a {@code field-read} point on a reference field so that the value the program goes on with is still the
 * one its own {@code getfield} (or {@code getstatic}) produced: the read is followed by
 * {@code dup_x1; ldc point; ldc site; invokestatic Hooks.readSeen}, which hands the hook a copy and leaves the
 * original on the stack. A hook that returned the value instead (as the primitive reads' hooks do) would be, for
 * the JVM's helpful NullPointerException messages, where a null came from ({@code because the return value of
 * "wedge.agent.bootstrap.Hooks.readObject(...)" is null}); this way the program keeps its own
 * ({@code because "this.appenderList" is null}).
 *
 * <p>Adds no branch, so the class's stack map frames stand; each woven read needs at most four more stack slots.
 */
final class ReferenceReads implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {
    private static final String HOOKS = Type.getInternalName(Hooks.class);
    private static final String HOOK = "readSeen";
    private static final String HOOK_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/Object;ILjava/lang/String;)V";
    private static final int EXTRA_STACK = 4;

    private final Point point;

    ReferenceReads(Point point) {
        this.point = point;
    }

    @Override
    public MethodVisitor wrap(TypeDescription instrumentedType, MethodDescription instrumentedMethod,
                              MethodVisitor methodVisitor, Implementation.Context implementationContext,
                              TypePool typePool, int writerFlags, int readerFlags) {
        String site = instrumentedMethod.toString();
        return new MethodVisitor(Opcodes.ASM9, methodVisitor) {
            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                boolean read = opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC;
                if (!read || !name.equals(point.member()) || !isReference(descriptor)
                        || !declaredByPointOwner(typePool, owner, name)) {
                    super.visitFieldInsn(opcode, owner, name, descriptor);
                    return;
                }
                if (opcode == Opcodes.GETFIELD) {
                    super.visitInsn(Opcodes.DUP); // owner, owner
                    super.visitFieldInsn(opcode, owner, name, descriptor); // owner, value
                    super.visitInsn(Opcodes.DUP_X1); // value, owner, value
                } else {
                    super.visitFieldInsn(opcode, owner, name, descriptor); // value
                    super.visitInsn(Opcodes.DUP); // value, value
                    super.visitInsn(Opcodes.ACONST_NULL);
                    super.visitInsn(Opcodes.SWAP); // value, null, value
                }
                super.visitLdcInsn(point.id());
                super.visitLdcInsn(site);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, HOOK, HOOK_DESCRIPTOR, false);
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
     * Whether field {@code name}, as the instruction names it through class {@code owner}, is the one the point's
     * class declares: the instruction names the type it was compiled against, which may inherit the field.
     */
    private boolean declaredByPointOwner(TypePool pool, String owner, String name) {
        String ownerName = owner.replace('/', '.');
        if (ownerName.equals(point.owner())) {
            return true;
        }
        TypePool.Resolution resolution = pool.describe(ownerName);
        if (!resolution.isResolved()) {
            return false;
        }
        for (TypeDefinition t = resolution.resolve(); t != null; t = t.getSuperClass()) {
            if (t.getDeclaredFields().stream().anyMatch(f -> f.getName().equals(name))) {
                return t.asErasure().getName().equals(point.owner());
            }
        }
        return false;
    }
}
