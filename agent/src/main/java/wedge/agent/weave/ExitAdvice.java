package wedge.agent.weave;

import net.bytebuddy.asm.Advice;
import wedge.agent.bootstrap.Hooks;
import wedge.agent.bootstrap.PointId;

/** Inlined at every exit of a method point's method, exceptional exits included, so enters and exits pair up. */
final class ExitAdvice {
    private ExitAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Subject Object subject, @PointValue long value, @PointId int point,
                     @Advice.Origin String site) {
        Hooks.exit(subject, value, point, site);
    }
}
