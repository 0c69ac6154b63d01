package wedge.agent.weave;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;
import wedge.agent.log.Log;

/**
 * Reports what the weaver did. Remembers which classes were woven (the hang watchdog looks for them on thread
 * stacks), and treats a failure to weave as fatal: a run without the instrumentation the user asked for would
 * report nothing and prove nothing.
 */
public final class WeaveListener extends AgentBuilder.Listener.Adapter {
    /** Exit status when a point cannot be woven, the same as for a bad option. */
    public static final int WEAVE_FAILED = 2;

    private final Set<String> woven = ConcurrentHashMap.newKeySet();

    /** Binary names of the classes woven so far. */
    public Set<String> woven() {
        return woven;
    }

    @Override
    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                 DynamicType dynamicType) {
        woven.add(type.getName());
        Log.debug("wove " + type.getName() + (loaded ? " (retransformed)" : ""));
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
        fail("cannot weave " + typeName + ": " + error.getMessage());
    }

    /** Ends the JVM with {@link #WEAVE_FAILED} and {@code message} on stderr: the run would prove nothing. */
    static void fail(String message) {
        Log.error(message);
        System.err.flush();
        Runtime.getRuntime().halt(WEAVE_FAILED);
    }
}
