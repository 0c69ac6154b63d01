package wedge.agent.weave;

import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;
import wedge.agent.log.Log;
import wedge.agent.points.Point;

/**
 * Hears of Byte Buddy's failures to weave, and says why. A class a profile names is fatal ({@link WeaveFailure}): the
 * user asked for it. A class that {@code points=auto} merely found in its scope is left unwoven with one warning
 * naming it.
 */
final class WeaveListener extends AgentBuilder.Listener.Adapter {
    private final List<Point> points;
    private final boolean skipFailures;

    /**
     * @param points       the points being woven, to count those of a class whose weaving overflowed the stack
     * @param skipFailures whether a class that cannot be woven is skipped (automatic points) or fails the weaving
     */
    WeaveListener(List<Point> points, boolean skipFailures) {
        this.points = points;
        this.skipFailures = skipFailures;
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
        String why = WeaveFailure.reason(error);
        if (error instanceof StackOverflowError) {
            long many = points.stream().filter(p -> p.wovenInto(typeName)).count();
            why += " (" + many + " points are woven into this class, each nesting one more visitor in the weaver; a "
                    + "thousand work: split the profile, or narrow the points' scopes)";
        }
        if (skipFailures) {
            Log.warn("cannot weave " + typeName + ", left as it is (its fields have no points): " + why);
        } else {
            WeaveFailure.fail("cannot weave " + typeName + ": " + why);
        }
    }
}
