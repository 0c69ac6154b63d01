package wedge.agent.weave;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import wedge.agent.log.Log;

/**
 * The agent's registered transformer: it looks at a class's name only, serves the classes the run concerns (a
 * point's class or scope, a fault type) from the woven-class cache, and weaves the rest with Byte Buddy's weaver,
 * made on the first miss.
 *
 * <p>Why: making Byte Buddy's weaver loads and runs about a thousand of its classes, most of a second on a small
 * machine, and weaving the same class file for the same points gives the same bytes every run. A warm run loads no
 * Byte Buddy class; every other class the JVM loads passes by a name lookup, never Byte Buddy's matchers.
 *
 * <p>Invariant: a class the run concerns is never defined unwoven. Its transformation waits for the weaver, under
 * this object's lock, if the weaver is not made yet; the weaver is made at most once, and a failure to make it ends
 * the JVM (a class that loads unwoven would make the run prove nothing).
 */
final class CachingWeaver implements ClassFileTransformer {
    private final Predicate<String> concerns;
    private final Supplier<ClassWeaver> maker;
    private final WeaveCache cache;
    private final WeaveKey keys;
    private final Set<String> woven;
    private volatile ClassWeaver weaver;

    /**
     * @param concerns whether a class, by binary name, is woven
     * @param maker    makes the weaver; called once, on the first miss
     * @param cache    the woven-class cache, or null for none
     * @param keys     the run's part of the cache keys
     * @param woven    receives the binary name of every class woven, from the cache or not, but those of
     *                 {@link NoFaultType}
     */
    CachingWeaver(Predicate<String> concerns, Supplier<ClassWeaver> maker, WeaveCache cache, WeaveKey keys,
                  Set<String> woven) {
        this.concerns = concerns;
        this.maker = maker;
        this.cache = cache;
        this.keys = keys;
        this.woven = woven;
    }

    /** Whether the class of binary name {@code name} is woven. */
    boolean concerns(String name) {
        return concerns.test(name);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefined,
                            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        if (internalName == null) {
            return null;
        }
        String name = internalName.replace('/', '.');
        if (!concerns(name)) {
            return null;
        }
        String key = cache == null ? null : keys.of(internalName, classFile);
        Woven hit = key == null ? null : cache.lookup(key, loader);
        if (hit != null) {
            return served(name, hit, redefined, " from the cache");
        }
        Woven made = weaver().weave(module, loader, internalName, redefined, domain, classFile);
        if (key != null) {
            cache.store(key, made);
        }
        return served(name, made, redefined, "");
    }

    private byte[] served(String name, Woven w, Class<?> redefined, String how) {
        // The JDK classes of the no-fault-type rule hold no point, and a thread waiting in Runtime.exit for the
        // shutdown hooks is not stuck in instrumented code: the hang watchdog must not count them.
        if (w.classFile() != null && !NoFaultType.CLASSES.contains(name)) {
            woven.add(name);
            Log.debug("wove " + name + how + (redefined != null ? " (retransformed)" : ""));
        }
        return w.classFile();
    }

    /** The weaver, made now by the calling thread unless it was made (or is being made) already. */
    private ClassWeaver weaver() {
        ClassWeaver w = weaver;
        if (w == null) {
            synchronized (this) {
                w = weaver;
                if (w == null) {
                    try {
                        w = maker.get();
                    } catch (RuntimeException | LinkageError e) {
                        WeaveFailure.fail("cannot build the weaver: " + WeaveFailure.reason(e));
                        throw e;
                    }
                    weaver = w;
                }
            }
        }
        return w;
    }
}
