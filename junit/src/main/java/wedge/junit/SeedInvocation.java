package wedge.junit;

import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** One seed of a {@link WedgeTest}: an invocation named {@code seed N}, run by a {@link SeedRun}. */
final class SeedInvocation implements TestTemplateInvocationContext {
    private final WedgeSettings settings;
    private final long seed;

    SeedInvocation(WedgeSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return "seed " + seed;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new SeedRun(settings, seed));
    }
}
