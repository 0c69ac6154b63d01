package wedge.agent.weave;

import net.bytebuddy.asm.Advice;
import wedge.agent.bootstrap.Hooks;

/**
 * Inlined at the entry of {@code Runtime.exit(int)} in a run that names no fault type: a status other than 0 is a
 * fault, captured before the exit goes on (with the same status).
 */
final class RuntimeExitAdvice {
    private RuntimeExitAdvice() {
    }

    @Advice.OnMethodEnter
    static void exiting(@Advice.Argument(0) int status) {
        Hooks.exiting(status);
    }
}
