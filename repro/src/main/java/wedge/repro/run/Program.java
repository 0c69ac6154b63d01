package wedge.repro.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's program that a run starts instead of a built-in workload: its main class on a class path, or a jar with
 * a Main-Class, the profile the agent weaves it with, and its own arguments.
 *
 * @param main      the main class, or null for a jar
 * @param classpath the class path of {@code main}, or null for a jar
 * @param jar       the jar, or null for a main class
 * @param points    the program's profile file
 * @param args      the program's arguments
 */
public record Program(String main, String classpath, Path jar, Path points, List<String> args) {
    public Program {
        if ((main == null) == (jar == null)) {
            throw new IllegalArgumentException("a program is a main class (--main) or a jar (--jar), one of them");
        }
        args = List.copyOf(args);
    }

    /** What follows the JVM options on the java command line: {@code -cp CP MAIN ARGS} or {@code -jar JAR ARGS}. */
    List<String> launch() {
        List<String> cmd = new ArrayList<>(main != null ? List.of("-cp", classpath, main)
                : List.of("-jar", jar.toAbsolutePath().toString()));
        cmd.addAll(args);
        return cmd;
    }

    /** This program as {@code wedge run} options, the arguments last after {@code --}. */
    String options() {
        StringBuilder b = new StringBuilder(main != null ? "--main " + main + " --classpath " + classpath
                : "--jar " + jar.toAbsolutePath());
        b.append(" --points ").append(points.toAbsolutePath());
        if (!args.isEmpty()) {
            b.append(" --");
            args.forEach(a -> b.append(' ').append(a));
        }
        return b.toString();
    }
}
