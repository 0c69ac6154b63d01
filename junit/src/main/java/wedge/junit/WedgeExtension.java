package wedge.junit;

import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import wedge.contract.AgentControl;

/**
 * Turns a {@link WedgeTest} method into one invocation per seed. Every attribute is checked before the first
 * invocation (the agent itself judges the options it would run with), so a mistake fails the test once, with one
 * message, instead of once per seed.
 */
public final class WedgeExtension implements TestTemplateInvocationContextProvider {
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, WedgeTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        WedgeTest test = AnnotationSupport.findAnnotation(method, WedgeTest.class).orElseThrow();
        WedgeSettings settings = WedgeSettings.of(method, test);
        String first = settings.agentOptions(settings.seeds().get(0));
        try {
            AgentLoader.ensureLoaded(first);
            AgentControl.begin(first);
            AgentControl.end();
        } catch (IllegalArgumentException e) {
            throw settings.badAttribute(e.getMessage());
        } catch (IllegalStateException e) {
            throw new BadWedgeTest("@WedgeTest on " + settings.where() + ": " + e.getMessage());
        }
        return settings.seeds().stream().map(seed -> new SeedInvocation(settings, seed));
    }
}
