package wedge.junit;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import wedge.contract.AgentControl;

/**
 * Runs one seed: starts the agent's run for it, runs the method on a thread of its own within the seed's time, ends
 * the run, and judges: a dump written (a fault in any thread) fails the invocation with {@link FaultReproduced};
 * else a declared point that matched no loaded class and member, or a fault type that is no class, fails it naming
 * each; else a time-out fails it as a hang; else the method's own outcome stands.
 */
final class SeedRun implements InvocationInterceptor {
    /** System property the agent records as a dump's replay command. */
    private static final String REPLAY_PROPERTY = "wedge.replay";

    private final WedgeSettings settings;
    private final long seed;

    SeedRun(WedgeSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        System.setProperty(REPLAY_PROPERTY, settings.replay(seed));
        AgentControl.begin(settings.agentOptions(seed));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread body = new Thread(() -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "wedge-seed-" + seed);
        String dump;
        try {
            body.start();
            body.join(settings.perSeed());
        } finally {
            dump = AgentControl.end();
        }
        if (dump != null) {
            throw new FaultReproduced(seed, dump, settings.replay(seed), thrown.get());
        }
        String unarmed = AgentControl.unmatched();
        if (unarmed != null) {
            // A pass would be a false one: what the test names as points or faults was never armed.
            throw new AssertionError("seed " + seed + ": the Wedge agent could not arm what this test asks for, so "
                    + "it tested nothing of it (fix the names, or give the agent option unmatched=warn):\n"
                    + unarmed);
        }
        if (body.isAlive()) {
            String stack = Arrays.stream(body.getStackTrace()).limit(12).map(f -> "\n    at " + f)
                    .collect(Collectors.joining());
            body.interrupt();
            throw new AssertionError("seed " + seed + ": still running after " + settings.perSeed() + " ms (a hang, "
                    + "or more work than secondsPerSeed allows); replay: " + settings.replay(seed) + stack);
        }
        if (thrown.get() != null) {
            throw thrown.get();
        }
    }
}
