package wedge.agent.weave;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The agent's registered transformer: it looks at a class's name only, and hands the classes the run concerns (a
 * point's class or scope, a fault type) to the Byte Buddy weaver, built once by {@link #build}.
 *
 * <p>Why: building Byte Buddy's weaver loads and runs about a thousand of its classes, most of a second on a small
 * machine. Behind this gate it need not hold up {@code main}: it is built beside it, and every other class the JVM
 * loads passes by a name lookup, never Byte Buddy's matchers.
 *
 * <p>Invariant: a class the run concerns is never defined unwoven. Its transformation waits for the weaver, under
 * this object's lock, if the weaver is not built yet; the weaver is built at most once, and a failure to build it
 * ends the JVM (a class that loads unwoven would make the run prove nothing).
 */
final class LazyWeaver implements ClassFileTransformer {
    private final Predicate<String> concerns;
    private final Supplier<ClassFileTransformer> maker;
    private volatile ClassFileTransformer weaver;

    /**
     * @param concerns whether a class, by binary name, is woven
     * @param maker    makes the weaver; called once
     */
    LazyWeaver(Predicate<String> concerns, Supplier<ClassFileTransformer> maker) {
        this.concerns = concerns;
        this.maker = maker;
    }

    /** Whether the class of binary name {@code name} is handed to the weaver. */
    boolean concerns(String name) {
        return concerns.test(name);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        if (internalName == null || !concerns(internalName.replace('/', '.'))) {
            return null;
        }
        return build().transform(module, loader, internalName, redefined, domain, classFile);
    }

    /** The weaver, built now by the calling thread unless it was built (or is being built) already. */
    ClassFileTransformer build() {
        ClassFileTransformer w = weaver;
        if (w == null) {
            synchronized (this) {
                w = weaver;
                if (w == null) {
                    try {
                        w = maker.get();
                    } catch (RuntimeException | LinkageError e) {
                        WeaveListener.fail("cannot build the weaver: " + e);
                        throw e;
                    }
                    weaver = w;
                }
            }
        }
        return w;
    }
}
