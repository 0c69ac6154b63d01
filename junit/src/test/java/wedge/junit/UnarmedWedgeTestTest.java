package wedge.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import wedge.junit.example.MisspelledTickets;

/**
 * A {@link WedgeTest} whose points name a field the class does not declare and a class that does not exist never
 * passes: each invocation fails naming them. In a JVM of its own, as its profile differs from the other examples'.
 */
class UnarmedWedgeTestTest {
    @Test
    @Timeout(120)
    void everyInvocationFailsNamingThePointsNeverArmed() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        if (System.getProperty(AgentLoader.JAR_PROPERTY) != null) {
            cmd.add("-D" + AgentLoader.JAR_PROPERTY + "=" + System.getProperty(AgentLoader.JAR_PROPERTY));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), OwnJvmRun.class.getName(),
                MisspelledTickets.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, out.split("\nFAILED\n|^FAILED\n", -1).length - 1, "both seeds fail:\n" + out);
        assertTrue(out.contains("seed 1: the Wedge agent could not arm what this test asks for")
                && out.contains("points:unmatched typo.read (wedge.junit.example.TicketDispenser#nxet: "
                + "wedge.junit.example.TicketDispenser declares no field nxet); missing.read "
                + "(wedge.junit.example.NoSuchDispenser#next: class wedge.junit.example.NoSuchDispenser never loaded"),
                out);
    }
}
