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
 * The pid must be a JVM this user may attach to ({@link #attachable}), checked before anything is sent to it: the
 * attach mechanism signals its target with SIGQUIT, which ends a process that is no JVM. The agent in the target says
 * what came of it through an {@link AttachReport}, printed here.
 *
 * <p>Exit status: 0 attached; 2 bad usage or options, or the pid is no JVM this user can attach to (nothing was
 * sent to it); 3 the attach failed (the agent is already loaded there, a class cannot be woven, the target exited
 * or refused the connection). The target goes on running in every case.
 */
public final class Attach {
    /** Exit status for an attach that failed, the target untouched. */
    public static final int ATTACH_FAILED = 3;

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
        String pid = args[0];
        if (!attachable(pid)) {
            System.err.println("wedge-agent: cannot attach to " + pid + ": " + notAJvm(pid) + "; nothing was sent "
                    + "to it");
            System.exit(WedgeAgent.BAD_CONFIGURATION);
        }
        String said = null;
        String failed = null;
        AttachReport report = null;
        try {
            report = AttachReport.create();
            VirtualMachine vm = VirtualMachine.attach(pid);
            try {
                vm.loadAgent(ownJar().toString(), report.arguments(options));
            } finally {
                vm.detach();
            }
            said = report.read();
        } catch (AgentInitializationException | AgentLoadException | AttachNotSupportedException | IOException
                 | URISyntaxException e) {
            // A target that dies mid-attach shows up as whatever the connection broke with ("Premature EOF"); the
            // useful news is that it is gone.
            boolean alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
            failed = alive ? e.getMessage() : "the process exited (" + e.getMessage() + ")";
        } finally {
            if (report != null) {
                report.discard();
            }
        }
        if (failed != null) {
            System.err.println("wedge-agent: cannot attach to " + pid + ": " + failed);
            System.exit(ATTACH_FAILED);
        }
        if ("attached".equals(said)) {
            System.out.println("wedge-agent: attached to " + pid + " with " + options);
            return;
        }
        if (said == null) {
            // The target could not write the report (another temporary directory, a full disk): unknown is no success.
            System.err.println("wedge-agent: the agent was loaded into " + pid + " but reported nothing back, so "
                    + "whether it started is unknown; its own lines are on that process's stderr");
            System.exit(ATTACH_FAILED);
            return;
        }
        int space = said.indexOf(' ');
        String why = space < 0 ? said : said.substring(space + 1);
        System.err.println("wedge-agent: cannot attach to " + pid + ": " + why + " (the target runs on, unchanged)");
        System.exit(said.startsWith("bad ") ? WedgeAgent.BAD_CONFIGURATION : ATTACH_FAILED);
    }

    /**
     * Whether {@code pid} is a JVM this user may attach to: one the attach API lists (from the JVMs' perf-data
     * files), or, for a JVM started with {@code -XX:-UsePerfData}, which the list misses, a process of a
     * {@code java} launcher. A JVM answers the attach mechanism's SIGQUIT with a thread dump at worst; any other
     * process would die of it.
     */
    private static boolean attachable(String pid) {
        return VirtualMachine.list().stream().anyMatch(vm -> vm.id().equals(pid))
                || ProcessHandle.of(Long.parseLong(pid)).flatMap(p -> p.info().command())
                .map(c -> Path.of(c).getFileName().toString().equals("java")).orElse(false);
    }

    /** Why {@code pid}, absent from the attach API's list, cannot be attached to. */
    private static String notAJvm(String pid) {
        return ProcessHandle.of(Long.parseLong(pid))
                .map(p -> "process " + pid + " (" + p.info().command().orElse("command unknown") + ") is not a JVM "
                        + "this user can attach to (none of the JVMs the attach API lists, nor a java launcher: it "
                        + "may be no JVM, or run as another user or in another container)")
                .orElse("no process " + pid + " is running");
    }

    private static Path ownJar() throws URISyntaxException {
        return Path.of(Attach.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
