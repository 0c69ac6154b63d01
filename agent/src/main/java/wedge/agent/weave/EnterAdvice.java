package wedge.agent.weave;

import net.bytebuddy.asm.Advice;
import wedge.agent.bootstrap.Hooks;
import wedge.agent.bootstrap.PointId;

/** Inlined at the entry of a method point's method. */
final class EnterAdvice {
    private EnterAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Subject Object subject, @PointValue long value, @PointId int point,
                      @Advice.Origin String site) {
        Hooks.enter(subject, value, point, site);
    }
}
