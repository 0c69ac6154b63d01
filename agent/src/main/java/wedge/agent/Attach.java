package wedge.agent;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.BadConfiguration;
import wedge.agent.points.AutoScope;
import wedge.agent.points.PointFile;
import wedge.agent.points.Profile;

/**
 * Loads the agent into a running JVM: {@code java -jar wedge-agent.jar PID [OPTIONS]}.
 *
 * <p>Options are validated here first, with the same rules and messages as at start-up, and passed on in full
 * (paths made absolute, seed fixed), so the target never sees a bad option and the seed is known to the caller.
 * Exit status: 0 attached, 1 the attach failed, 2 bad usage or options.
 */
public final class Attach {
    private Attach() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || !args[0].matches("\\d+")) {
            System.err.println("usage: java -jar wedge-agent.jar PID [OPTIONS]   (OPTIONS as for -javaagent)");
            System.exit(WedgeAgent.BAD_CONFIGURATION);
        }
        String options;
        try {
            AgentOptions parsed = AgentOptions.parse(args.length > 1 ? args[1] : "").absolutePaths();
            if (AgentOptions.isAuto(parsed.points())) {
                // the scope's classes are the target's: only its form can be checked here
                if (!parsed.points().equals(AgentOptions.AUTO_POINTS)) {
                    AutoScope.parse(parsed.points(), null);
                }
            } else if (!AgentOptions.isProfileName(parsed.points())) {
                Profile profile = PointFile.load(parsed.points());
                parsed.withProfile(profile.source(), profile.faultType(), profile.snapshot());
            }
            options = parsed.render();
        } catch (BadConfiguration e) {
            System.err.println("wedge-agent: " + e.getMessage());
            System.exit(WedgeAgent.BAD_CONFIGURATION);
            return;
        }
        try {
            VirtualMachine vm = VirtualMachine.attach(args[0]);
            try {
                vm.loadAgent(ownJar().toString(), options);
            } finally {
                vm.detach();
            }
            System.out.println("wedge-agent: attached to " + args[0] + " with " + options);
        } catch (AgentInitializationException | AgentLoadException | AttachNotSupportedException | IOException
                 | URISyntaxException e) {
            // A target that dies mid-attach shows up as whatever the connection broke with ("Premature EOF"); the
            // useful news is that it is gone.
            boolean alive = ProcessHandle.of(Long.parseLong(args[0])).map(ProcessHandle::isAlive).orElse(false);
            System.err.println("wedge-agent: cannot attach to " + args[0] + ": "
                    + (alive ? e.getMessage() : "the process exited (" + e.getMessage() + ")"));
            System.exit(1);
        }
    }

    private static Path ownJar() throws URISyntaxException {
        return Path.of(Attach.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
