package org.learnbox.kernel;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a snippet class so that its calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}
 * go to {@link ExitGuard}.
 *
 * <p>Why this and not something else: cells run in the kernel's JVM, so an exit ends the kernel. A SecurityManager
 * that vetoes {@code checkExit} is deprecated on JDK 21 (it needs {@code -Djava.security.manager=allow} and warns)
 * and cannot be installed at all from JDK 24 on; shutdown hooks and {@code Runtime.halt} cannot cancel an exit;
 * rewriting the source text misses {@code Runtime.getRuntime().exit(0)}, method references and aliases. The
 * compiled call sites are exact, and JShell already hands every snippet class to the execution control as bytes
 * before loading it. Each replacement takes the same arguments off the stack and returns void, so frames and
 * stack sizes stay as javac computed them. Code in libraries added with %maven or %classpath is not rewritten.
 */
final class ExitRewriter {

    private static final String GUARD = Type.getInternalName(ExitGuard.class);

    private ExitRewriter() {
    }

    static byte[] rewrite(byte[] classBytes) {
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new MethodVisitor(Opcodes.ASM9, next) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")
                                && method.equals("exit") && desc.equals("(I)V")) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "exit", "(I)V", false);
                        } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                                && (method.equals("exit") || method.equals("halt")) && desc.equals("(I)V")) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "exit", "(Ljava/lang/Runtime;I)V", false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, itf);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String desc, Handle bsm,
                                                       Object... args) {
                        // System::exit as an IntConsumer: the method handle inside the lambda bootstrap
                        for (int i = 0; i < args.length; i++) {
                            if (args[i] instanceof Handle handle) {
                                Handle guarded = guarded(handle);
                                if (guarded != handle) {
                                    changed[0] = true;
                                    args[i] = guarded;
                                }
                            }
                        }
                        super.visitInvokeDynamicInsn(name, desc, bsm, args);
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classBytes;
    }

    private static Handle guarded(Handle handle) {
        if (handle.getTag() == Opcodes.H_INVOKESTATIC && handle.getOwner().equals("java/lang/System")
                && handle.getName().equals("exit") && handle.getDesc().equals("(I)V")) {
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, "exit", "(I)V", false);
        }
        if (handle.getTag() == Opcodes.H_INVOKEVIRTUAL && handle.getOwner().equals("java/lang/Runtime")
                && (handle.getName().equals("exit") || handle.getName().equals("halt"))
                && handle.getDesc().equals("(I)V")) {
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, "exit", "(Ljava/lang/Runtime;I)V",
                    false);
        }
        return handle;
    }
}
