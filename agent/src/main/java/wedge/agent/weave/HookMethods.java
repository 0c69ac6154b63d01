package wedge.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.named;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import wedge.agent.bootstrap.Hooks;

/**
 * Descriptions of the {@link Hooks} methods, read from the class file rather than from the loaded class: the
 * loaded class lives in the bootstrap loader, which cannot resolve the Byte Buddy annotations that tell the weaver
 * how to bind each parameter, so reflection would not see them. The class file still carries them.
 */
final class HookMethods {
    private final TypeDescription hooks;

    private HookMethods(TypeDescription hooks) {
        this.hooks = hooks;
    }

    /**
     * Reads {@link Hooks} from {@code hookClasses}, resolving the annotation types through the agent's own class
     * loader.
     */
    static HookMethods load(ClassFileLocator hookClasses) {
        ClassFileLocator locator = new ClassFileLocator.Compound(hookClasses,
                ClassFileLocator.ForClassLoader.of(HookMethods.class.getClassLoader()));
        return new HookMethods(TypePool.Default.of(locator).describe(Hooks.class.getName()).resolve());
    }

    /** The hook called {@code name}. */
    MethodDescription.InDefinedShape hook(String name) {
        return hooks.getDeclaredMethods().filter(named(name)).getOnly();
    }
}
