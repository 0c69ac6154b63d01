package wedge.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated method once per seed under the Wedge agent, in the test's own JVM: each seed is one
 * invocation in the report, named {@code seed N}. The agent widens the race windows at the {@link #points} with the
 * {@link #strategy} driven by that seed; when one of the {@link #faultTypes} is constructed in any thread during the
 * invocation, the agent writes a dump and the invocation fails with the seed, the dump's path, the first lines of
 * its summary and the line that replays it. An exception that is not a fault type fails the invocation as usual.
 *
 * <pre>{@code
 * @WedgeTest(seeds = "1..50", points = "src/test/resources/tickets.points", faultTypes = DuplicateTicket.class)
 * void ticketsAreUnique() { ... }
 * }</pre>
 *
 * <p>The agent is loaded once per JVM, by the first {@code @WedgeTest} to run (or by {@code -javaagent} before it):
 * the points and fault types it weaves are then fixed for the JVM, and a later {@code @WedgeTest} that names others
 * fails with a message saying so. A bad attribute fails the test with one message naming it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(WedgeExtension.class)
public @interface WedgeTest {
    /** The value of {@link #seed} that means "not given". */
    long NO_SEED = Long.MIN_VALUE;

    /**
     * The seeds to run, one invocation each: {@code FROM..TO} (both included), a single seed, or several of those
     * separated by commas ({@code "1..20,100"}). Empty: {@code 1..20}, unless {@link #seed} is given.
     */
    String seeds() default "";

    /** One seed to replay, instead of {@link #seeds}. */
    long seed() default NO_SEED;

    /** The agent's strategy: {@code noise} (the default), {@code controlled}, {@code off}, ... (see docs/AGENT.md). */
    String strategy() default "noise";

    /** The points to weave: a built-in profile name or the path of a point file (relative to the working directory). */
    String points() default "allocator";

    /** The exception types whose construction is a fault; empty: the agent's default (the allocator's faults). */
    Class<? extends Throwable>[] faultTypes() default {};

    /** How long one seed may run before its invocation fails as a hang. */
    double secondsPerSeed() default 10;

    /** Where dumps go (relative to the working directory). */
    String dumpDir() default "target/wedge-dumps";

    /** More agent options, as after {@code -javaagent:wedge-agent.jar=} ({@code "p=0.05,duration=1ms"}). */
    String options() default "";
}
