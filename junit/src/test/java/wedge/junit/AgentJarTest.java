package wedge.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import wedge.junit.example.NotAFault;

/**
 * The agent jar the extension attaches is the user's cache's copy (the build points {@code XDG_CACHE_HOME} at a
 * directory of its own), one file per agent build, never a file in the temporary directory.
 */
class AgentJarTest {
    @Test
    void theAttachedAgentIsLoadedFromTheUsersCache() throws Exception {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(NotAFault.class)).execute().testEvents()
                .assertStatistics(s -> s.started(2));
        Path cache = Path.of(System.getenv("XDG_CACHE_HOME"), "wedge").toRealPath();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));

        Class<?> agent = Class.forName("wedge.agent.WedgeAgent", false, ClassLoader.getSystemClassLoader());
        Path loaded = Path.of(agent.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
        assertEquals(cache, loaded.getParent(), "the agent this JVM runs comes from the cache: " + loaded);
        assertTrue(loaded.getFileName().toString().matches("agent-[0-9a-f]{16}\\.jar"), loaded.toString());

        byte[] embedded;
        try (InputStream in = AgentLoader.class.getResourceAsStream("/wedge/junit/wedge-agent.jar")) {
            embedded = in.readAllBytes();
        }
        assertArrayEquals(embedded, Files.readAllBytes(loaded), "the cached jar is the one this library carries");
        assertEquals(loaded, AgentLoader.cachedJar(embedded).toRealPath(), "the same build finds the same file");
    }
}
