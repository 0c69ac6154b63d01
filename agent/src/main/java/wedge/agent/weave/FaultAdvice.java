package wedge.agent.weave;

import net.bytebuddy.asm.Advice;
import wedge.agent.bootstrap.Hooks;

/**
 * Inlined into every constructor of the fault type. At entry, before the message and the stack trace are built
 * (which takes long enough for a drainer to write over the clobbered link), the other threads are told to stop; at
 * the end, with the fault complete, it is captured, in the faulting thread, before anything is thrown or unwound.
 * Entry advice runs before the super constructor call, so it cannot see the object yet.
 */
final class FaultAdvice {
    private FaultAdvice() {
    }

    @Advice.OnMethodEnter
    static void entered() {
        Hooks.faultEntered();
    }

    @Advice.OnMethodExit
    static void constructed(@Advice.This Object fault) {
        Hooks.fault(fault);
    }
}
