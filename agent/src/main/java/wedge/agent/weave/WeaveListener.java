package wedge.agent.weave;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;
import wedge.agent.log.Log;

/**
 * Hears of Byte Buddy's failures to weave. A class a profile names is fatal ({@link WeaveFailure}): the user asked
 * for it. A class that {@code points=auto} merely found in its scope is left unwoven with one warning naming it.
 */
final class WeaveListener extends AgentBuilder.Listener.Adapter {
    private final boolean skipFailures;

    /** @param skipFailures whether a class that cannot be woven is skipped (automatic points) or ends the JVM */
    WeaveListener(boolean skipFailures) {
        this.skipFailures = skipFailures;
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
        if (skipFailures) {
            Log.warn("cannot weave " + typeName + ", left as it is (its fields have no points): " + error);
        } else {
            WeaveFailure.fail("cannot weave " + typeName + ": " + error.getMessage());
        }
    }
}
