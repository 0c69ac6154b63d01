package wedge.agent.weave;

import net.bytebuddy.asm.Advice;
import wedge.agent.bootstrap.Hooks;

/** Inlined at the entry of {@code Thread.start()}: the parent reports the child before the child can run. */
final class ThreadStartAdvice {
    private ThreadStartAdvice() {
    }

    @Advice.OnMethodEnter
    static void starting(@Advice.This Object thread) {
        Hooks.threadStart(thread);
    }
}
