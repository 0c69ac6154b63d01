package wedge.agent.weave;

import net.bytebuddy.asm.Advice;
import wedge.agent.bootstrap.Hooks;

/**
 * Inlined at the end of every constructor of the fault type: the fault is reported in the faulting thread, before
 * anything is thrown or unwound, so the heap and the other threads are still as the fault found them.
 */
final class FaultAdvice {
    private FaultAdvice() {
    }

    @Advice.OnMethodExit
    static void constructed(@Advice.This Object fault) {
        Hooks.fault(fault);
    }
}
