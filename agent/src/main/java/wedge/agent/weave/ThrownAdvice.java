package wedge.agent.weave;

import net.bytebuddy.asm.Advice;
import wedge.agent.bootstrap.Hooks;

/**
 * Inlined at the end of every constructor of the JDK's usual suspects ({@link NoFaultType#SUSPECTS}) in a run that
 * names no fault type: the thread notes where it stands, and nothing else happens unless the exception escapes it.
 * The stack trace is filled by then, and holds none of the constructor's frames.
 */
final class ThrownAdvice {
    private ThrownAdvice() {
    }

    @Advice.OnMethodExit
    static void constructed(@Advice.This Object exception) {
        Hooks.thrown(exception);
    }
}
