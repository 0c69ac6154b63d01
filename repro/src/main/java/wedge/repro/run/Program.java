package wedge.repro.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's program that a run starts instead of a built-in workload: its main class on a class path, or a jar with
 * a Main-Class, the profile the agent weaves it with, and its own arguments; or a static method that a batch
 * child calls once per seed ({@code entry}).
 *
 * <p>A program is run once per JVM unless it names an entry: its {@code main} may keep static state from one run to
 * the next, and only the program's author can say that a method may be called again in the same JVM.
 *
 * @param main      the main class, or null for a jar
 * @param classpath the class path of {@code main}, or null for a jar
 * @param jar       the jar, or null for a main class
 * @param points    the program's profile: the absolute path of its file, or {@code auto[:SCOPE]} in the agent's
 *                  form (patterns separated by {@code |}): every plain field of the scope, see {@link #AUTO}
 * @param args      the program's arguments
 * @param entry     {@code CLASS#METHOD}, a public static method taking the seed (a {@code long}) that runs one seed,
 *                  on {@code classpath}; or null to run {@code main} once per JVM
 */
public record Program(String main, String classpath, Path jar, String points, List<String> args, String entry) {
    /** The {@code --points} value that asks for automatic points, alone or with {@code :SCOPE}. */
    public static final String AUTO = "auto";
    /** The file the agent writes the profile a {@code points=auto} hunt discovered into, in the dump directory. */
    public static final String DISCOVERED = "wedge-discovered.points";

    public Program {
        if ((main == null) == (jar == null)) {
            throw new IllegalArgumentException("a program is a main class (--main) or a jar (--jar), one of them");
        }
        if (entry != null && (main == null || !args.isEmpty())) {
            throw new IllegalArgumentException("--entry runs a method of a --main program's class path, per seed, "
                    + "without arguments");
        }
        args = List.copyOf(args);
    }

    /** Whether {@code points} asks for automatic points ({@code auto} or {@code auto:SCOPE}). */
    public static boolean isAuto(String points) {
        return points.equals(AUTO) || points.startsWith(AUTO + ":");
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
        b.append(" --points ").append(isAuto(points) ? points.replace('|', ',') : points);
        if (entry != null) {
            b.append(" --entry ").append(entry);
        }
        if (!args.isEmpty()) {
            b.append(" --");
            args.forEach(a -> b.append(' ').append(a));
        }
        return b.toString();
    }
}
