package wedge.agent.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import wedge.agent.config.BadConfiguration;

/** What {@code points=auto[:SCOPE]} covers, and the scopes it refuses. */
class AutoScopeTest {
    @Test
    void withoutAScopeTheMainClassPackageAndItsSubPackages() {
        AutoScope s = AutoScope.parse("auto", "com.example.app.Main");
        assertEquals(List.of("com.example.app.**"), s.patterns());
        assertTrue(s.covers("com.example.app.Main"));
        assertTrue(s.covers("com.example.app.cache.Lru$Node"));
        assertFalse(s.covers("com.example.other.X"));
        AutoScope unnamed = AutoScope.parse("auto", "Main");
        assertTrue(unnamed.covers("PlainStack"));
        assertFalse(unnamed.covers("org.lib.Thing"), "the unnamed package only, not everything under it");
    }

    @Test
    void patternsOfOnePackageOfSubPackagesAndOfAClass() {
        AutoScope s = AutoScope.parse("auto:a.b.*|c.d.**|e.F", null);
        assertTrue(s.covers("a.b.X"));
        assertFalse(s.covers("a.b.c.X"));
        assertTrue(s.covers("c.d.X") && s.covers("c.d.e.X"));
        assertFalse(s.covers("c.dd.X"));
        assertTrue(s.covers("e.F") && s.covers("e.F$Inner"));
        assertFalse(s.covers("e.Fx"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "auto:; the scope is empty",
        "auto:a..b; bad scope 'a..b'",
        "auto:a.b.*|; bad scope ''",
        "auto:wedge.**; would weave wedge.agent",
        "auto:wedge.agent.hunt.*; would weave wedge.agent",
        "auto:java.util.*; would weave every class of a JDK package",
        "auto:java.**; would weave every class of a JDK package",
        "auto:com.**; would weave every class of a JDK package"})
    void badScopesAreRefusedNamingTheScope(String points, String message) {
        BadConfiguration e = assertThrows(BadConfiguration.class, () -> AutoScope.parse(points, "a.Main"));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void theTargetAllocatorAndANamedJdkClassAreAllowedAndAnUnknownMainClassNeedsAScope() {
        assertTrue(AutoScope.parse("auto:wedge.allocator.**", null).covers("wedge.allocator.TinyHeap"));
        assertTrue(AutoScope.parse("auto:java.util.HashMap", null).covers("java.util.HashMap$Node"));
        assertThrows(BadConfiguration.class, () -> AutoScope.parse("auto", null));
    }
}
