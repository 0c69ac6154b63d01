package wedge.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs the {@link WedgeTest} example class named by argument 0 in this JVM, through the JUnit test kit, and prints
 * each failed invocation's message after a {@code FAILED} line: for examples whose profile differs from the
 * others', since one JVM weaves one profile.
 */
public final class OwnJvmRun {
    private OwnJvmRun() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Class.forName(args[0]))).execute().testEvents()
                .failed().stream()
                .forEach(e -> System.out.println("FAILED\n" + e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("")));
    }
}
