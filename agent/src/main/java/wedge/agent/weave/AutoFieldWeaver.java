package wedge.agent.weave;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;
import wedge.agent.bootstrap.AutoHooks;
import wedge.agent.points.AutoFields;

/**
 * Weaves the points of {@code points=auto} into one method: every {@code getfield}, {@code putfield},
 * {@code getstatic} and {@code putstatic} of a field with points passes through {@link AutoHooks}, with stack
 * operations only, so no local is added and no frame changes.
 *
 * <p>A read stays {@code dup; getfield} (the owner is copied, then read from; a static read pushes its class), then
 * the hook gets (owner, value, point, site) and returns the value; a reference is first copied under the owner
 * ({@code dup_x1}) and the hook returns nothing, so the program goes on with the read's own value (a null one is
 * then described by the JVM's helpful NullPointerException message as the field, not as the hook's result). A write is rearranged so the hook gets (value,
 * owner, point, site) and returns the value under the owner: {@code dup_x1; pop; dup_x1} for a one-slot value,
 * {@code dup2_x1; pop2; dup_x2} for a {@code long} or {@code double}. The original instruction stays where it was,
 * with the same operands, so a null owner still fails there, with the JVM's own helpful message naming it. The
 * subject of a static field's point is its class, so that hunt can learn and trap it like an instance field.
 */
final class AutoFieldWeaver implements AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper {
    private static final String HOOKS = Type.getInternalName(AutoHooks.class);

    private final AutoFields fields;

    AutoFieldWeaver(AutoFields fields) {
        this.fields = fields;
    }

    @Override
    public MethodVisitor wrap(TypeDescription type, MethodDescription method, MethodVisitor visitor,
                              Implementation.Context context, TypePool pool, int writerFlags, int readerFlags) {
        String site = method.toString();
        boolean classConstants = context.getClassFileVersion().getMinorMajorVersion() >= Opcodes.V1_5;
        return new MethodVisitor(Opcodes.ASM9, visitor) {
            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                int field = fields.field(owner, name);
                if (field < 0) {
                    super.visitFieldInsn(opcode, owner, name, descriptor);
                    return;
                }
                Type value = Type.getType(descriptor);
                boolean wide = value.getSize() == 2;
                String shape = shape(value);
                String slot = value.getSort() >= Type.ARRAY ? "Ljava/lang/Object;" : descriptor;
                switch (opcode) {
                    case Opcodes.GETFIELD, Opcodes.GETSTATIC -> {
                        if (opcode == Opcodes.GETFIELD) {
                            super.visitInsn(Opcodes.DUP);
                        } else {
                            pushClass(owner);
                        }
                        super.visitFieldInsn(opcode, owner, name, descriptor);
                        if (value.getSort() >= Type.ARRAY) {
                            // the value the program goes on with is the read's own copy, not a hook's return value,
                            // so a null dereference of it is still described by the JVM as a null field
                            super.visitInsn(Opcodes.DUP_X1);
                            hook("readObject", "(Ljava/lang/Object;Ljava/lang/Object;ILjava/lang/String;)V",
                                    2 * field, null);
                        } else {
                            hook("read" + shape, "(Ljava/lang/Object;" + slot + "ILjava/lang/String;)" + slot,
                                    2 * field, value);
                        }
                    }
                    case Opcodes.PUTFIELD -> {
                        if (wide) {
                            super.visitInsn(Opcodes.DUP2_X1);
                            super.visitInsn(Opcodes.POP2);
                            super.visitInsn(Opcodes.DUP_X2);
                        } else {
                            super.visitInsn(Opcodes.DUP_X1);
                            super.visitInsn(Opcodes.POP);
                            super.visitInsn(Opcodes.DUP_X1);
                        }
                        hook("write" + shape, "(" + slot + "Ljava/lang/Object;ILjava/lang/String;)" + slot,
                                2 * field + 1, value);
                        super.visitFieldInsn(opcode, owner, name, descriptor);
                    }
                    default -> {
                        pushClass(owner);
                        hook("write" + shape, "(" + slot + "Ljava/lang/Object;ILjava/lang/String;)" + slot,
                                2 * field + 1, value);
                        super.visitFieldInsn(opcode, owner, name, descriptor);
                    }
                }
            }

            private void pushClass(String owner) {
                if (classConstants) {
                    super.visitLdcInsn(Type.getObjectType(owner));
                } else {
                    super.visitInsn(Opcodes.ACONST_NULL);
                }
            }

            /**
             * Calls the hook; a reference it returns comes back as an {@code Object} and is cast back to the field's
             * type ({@code value}, null for a hook that returns nothing).
             */
            private void hook(String hook, String descriptor, int point, Type value) {
                super.visitLdcInsn(point);
                super.visitLdcInsn(site);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, descriptor, false);
                if (value != null && value.getSort() >= Type.ARRAY && !value.getDescriptor().equals("Ljava/lang/Object;")) {
                    super.visitTypeInsn(Opcodes.CHECKCAST, value.getInternalName());
                }
            }
        };
    }

    /** The hook name's suffix for a field of type {@code value}. */
    private static String shape(Type value) {
        return switch (value.getSort()) {
            case Type.BOOLEAN -> "Boolean";
            case Type.CHAR -> "Char";
            case Type.BYTE -> "Byte";
            case Type.SHORT -> "Short";
            case Type.INT -> "Int";
            case Type.FLOAT -> "Float";
            case Type.LONG -> "Long";
            case Type.DOUBLE -> "Double";
            default -> "Object";
        };
    }
}
