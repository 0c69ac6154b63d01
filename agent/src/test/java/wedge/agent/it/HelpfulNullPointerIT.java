package wedge.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import wedge.npe.Appenders;

/**
 * A woven read of a reference field, or call returning a reference, keeps the program's own helpful
 * NullPointerException message: it names the field ({@code because "this.appenderList" is null}) or the method
 * called, not the agent's hook, and the access is still an event.
 */
class HelpfulNullPointerIT {
    @Test
    @Timeout(60)
    void aWovenReadKeepsTheMessageNamingTheField() throws Exception {
        Path dir = ChildJvm.freshDir("helpful-npe");
        Path points = Files.writeString(dir.resolve("npe.points"), String.join("\n",
                "fault-type java.lang.IllegalStateException",
                "field-read wedge.npe.Appenders#appenderList appenders.read",
                "field-read wedge.npe.Appenders#shared shared.read",
                "call-site wedge.npe.Appenders#list appenders.list in wedge.npe.Appenders", ""));
        ChildJvm.Result r = ChildJvm.run(ChildJvm.command("seed=1,strategy=noise,p=0,points=" + points.toAbsolutePath()
                + ",dump-dir=" + dir.resolve("dumps").toAbsolutePath(), Appenders.class), dir, 30);
        assertEquals(0, r.status(), r.stderr());
        assertEquals(List.of("Cannot invoke \"java.util.List.size()\" because \"this.appenderList\" is null",
                "Cannot invoke \"java.util.List.size()\" because \"wedge.npe.Appenders.shared\" is null",
                "Cannot invoke \"java.util.List.size()\" because the return value of \"wedge.npe.Appenders.list()\" is "
                        + "null",
                "events 4"), r.stdout().lines().toList(), r.stderr());
    }
}
