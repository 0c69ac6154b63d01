package wedge.repro.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import wedge.repro.run.Installation;

/**
 * {@code wedge attach}: loads the agent into a running JVM. The attach runs in a JVM of its own, from the agent
 * jar, so that none of the agent's classes ever share a class path with this tool's.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        header = "Loads the agent into a running JVM.",
        description = {"Loads the agent into the running JVM PID, which rewrites its already-loaded classes.",
            "OPTIONS are the agent's (k=v,k=v; see docs/AGENT.md). JDK 21+ targets warn unless started with",
            "-XX:+EnableDynamicAgentLoading."})
final class AttachCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "the JVM to attach to")
    private long pid;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OPTIONS", description = "agent options, e.g. "
            + "strategy=noise,seed=7")
    private String options;

    @Override
    public Integer call() throws Exception {
        Installation installation = Installation.locate();
        List<String> cmd = new ArrayList<>(List.of(installation.java().toString(), "-jar",
                installation.agentJar().toString(), Long.toString(pid)));
        if (options != null) {
            cmd.add(options);
        }
        Process attach = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String said = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        spec.commandLine().getErr().print(said);
        spec.commandLine().getErr().flush();
        // The agent's attach tool exits as this command does: 2 bad usage or no JVM to attach to, 3 the attach failed.
        return attach.waitFor();
    }
}
