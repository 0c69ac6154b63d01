package wedge.agent.weave;

import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;
import wedge.agent.points.Point;

/** Hears of Byte Buddy's failures to weave, which are fatal ({@link WeaveFailure}), and says why. */
final class WeaveListener extends AgentBuilder.Listener.Adapter {
    private final List<Point> points;

    /** @param points the points being woven, to count those of a class whose weaving overflowed the stack */
    WeaveListener(List<Point> points) {
        this.points = points;
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
        String why = WeaveFailure.reason(error);
        if (error instanceof StackOverflowError) {
            long many = points.stream().filter(p -> p.wovenInto(typeName)).count();
            why += " (" + many + " points are woven into this class, each nesting one more visitor in the weaver; a "
                    + "thousand work: split the profile, or narrow the points' scopes)";
        }
        WeaveFailure.fail("cannot weave " + typeName + ": " + why);
    }
}
