package wedge.agent.capture;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import wedge.contract.ShellWords;

/**
 * The command that replays a run: what the launcher says in system property {@code wedge.replay}, else this
 * process's own command line.
 */
final class ReplayCommand {
    /** System property through which a launcher (the {@code wedge} command) states the exact replay command. */
    static final String PROPERTY = "wedge.replay";

    private ReplayCommand() {
    }

    /** The dump's {@code replay} object: {@code command} and where it came from ({@code source}). */
    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        String stated = System.getProperty(PROPERTY);
        if (stated != null && !stated.isBlank()) {
            m.put("command", stated);
            m.put("source", "property");
            return m;
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        List<String> words = new ArrayList<>();
        if (command.isPresent() && arguments.isPresent()) {
            words.add(command.get());
            words.addAll(List.of(arguments.get()));
            m.put("source", "process");
        } else {
            words.add(System.getProperty("java.home") + "/bin/java");
            words.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            words.add("-cp");
            words.add(System.getProperty("java.class.path"));
            words.addAll(List.of(System.getProperty("sun.java.command", "").split(" ")));
            m.put("source", "runtime");
        }
        m.put("command", ShellWords.join(words));
        return m;
    }
}
