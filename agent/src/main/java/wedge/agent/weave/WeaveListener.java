package wedge.agent.weave;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/** Hears of Byte Buddy's failures to weave, which are fatal ({@link WeaveFailure}). */
final class WeaveListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
        WeaveFailure.fail("cannot weave " + typeName + ": " + WeaveFailure.reason(error));
    }
}
