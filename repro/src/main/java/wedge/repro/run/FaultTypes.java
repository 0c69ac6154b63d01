package wedge.repro.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user program's fault types, read from its profile ({@code fault-type A|B}, or the agent option
 * {@code fault-type=} that overrides it), so that a run without the agent ({@code --agent off}) is judged by them as
 * a run with it is: a fault type that escaped a thread is a fault, wherever it was thrown and whatever the exit
 * status. Without that a fault thrown in a worker while {@code main} ends normally reads as clean. A program that
 * names no fault type (automatic points, or a profile without {@code fault-type}) is judged by the agent's rule for
 * it: any exception that escapes a thread is the fault.
 */
final class FaultTypes {
    /** An address in a fault's message, as the allocator's faults give it. */
    static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]+");
    private static final String OPTION = "fault-type=";

    private FaultTypes() {
    }

    /**
     * {@code escaped} (an exception that escaped a thread of the child) when its type is a fault type of
     * {@code spec}'s program, else null; null too for a built-in workload, whose faults carry an address.
     */
    static Matcher escaped(RunSpec spec, Matcher escaped) {
        if (escaped == null || spec.program() == null) {
            return null;
        }
        Set<String> types = of(spec);
        return types.isEmpty() || types.contains(escaped.group(1)) ? escaped : null;
    }

    /** The fault types of {@code spec}'s program; empty when it names none. */
    private static Set<String> of(RunSpec spec) {
        String given = spec.agentOptions().stream().filter(o -> o.startsWith(OPTION))
                .map(o -> o.substring(OPTION.length())).findFirst().orElse(null);
        if (given != null) {
            return Set.of(given.split("\\|"));
        }
        String points = spec.program().points();
        if (Program.isAuto(points)) {
            return Set.of();
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(points));
            for (String line : lines) {
                String[] words = line.strip().split("\\s+");
                if (words.length >= 2 && words[0].equals("fault-type")) {
                    return Set.of(words[1].split("\\|"));
                }
            }
        } catch (IOException e) {
            // the profile was read when the run was set up; gone now, it names no fault type to judge by
        }
        return Set.of();
    }
}
