package wedge.agent.capture;

import java.util.function.Consumer;
import wedge.agent.runtime.AgentThread;

/**
 * The fault of a run that names no fault type: an exception or error that escapes a thread's {@code run}, or
 * {@code main}, uncaught. Installed as the JVM's default handler before {@code main}, in front of the one there was;
 * after the capture (unless it halted the JVM), the exception is reported as it would have been without the agent.
 *
 * <p>Threads that have a handler of their own, and exceptions a thread pool catches for a {@code Future}, never reach
 * here: the application handles those. A program that installs its own default handler later replaces this one.
 */
public final class UncaughtFaults implements Thread.UncaughtExceptionHandler {
    private final Thread.UncaughtExceptionHandler previous;
    private final Consumer<Throwable> capture;

    private UncaughtFaults(Thread.UncaughtExceptionHandler previous, Consumer<Throwable> capture) {
        this.previous = previous;
        this.capture = capture;
    }

    /**
     * Makes every uncaught exception of an application thread a fault, passed to {@code capture} in that thread.
     */
    public static void install(Consumer<Throwable> capture) {
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtFaults(Thread.getDefaultUncaughtExceptionHandler(),
                capture));
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        // the handler runs in the thread that threw; the agent's own threads' exceptions are not the application's
        if (!(t instanceof AgentThread)) {
            capture.accept(e);
        }
        if (previous != null) {
            previous.uncaughtException(t, e);
        } else {
            System.err.print("Exception in thread \"" + t.getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }
}
