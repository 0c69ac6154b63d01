package wedge.agent.points;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.BadConfiguration;

/**
 * The classes {@code points=auto[:SCOPE]} weaves: {@code pkg.*} (the classes of one package), {@code pkg.**} (a
 * package and its sub-packages), or {@code pkg.Class} (one class and its nested classes), several separated by
 * {@code |}. Without a scope, the package of the main class and its sub-packages (only the unnamed package when the
 * main class has none: its "sub-packages" would be every class there is).
 *
 * <p>Invariant: a scope never covers the agent or the rest of Wedge's own code (its hooks would pass points inside
 * the agent), nor a whole JDK package: a JDK class is woven only when named ({@code auto:java.util.HashMap}, with
 * its nested classes). The agent runs on such classes too; its own threads and its own work in the application's
 * threads pass none of their points ({@code AgentThread}, {@code ThreadState.inAgent}). The default scope, the main
 * class's package, never holds JDK classes.
 *
 * @param spec     the {@code points} value as given, e.g. {@code auto:com.example.**}
 * @param patterns the patterns, each {@code pkg.*}, {@code pkg.**} or a class name; {@code *} is the unnamed package
 */
public record AutoScope(String spec, List<String> patterns) {
    private static final String AUTO = AgentOptions.AUTO_POINTS;
    /** What a scope looks like, for messages. */
    public static final String FORM = "auto, or auto:SCOPE with SCOPE one or more of pkg.* (one package), pkg.** "
            + "(a package and its sub-packages) or pkg.Class, separated by |";
    private static final String IDENT = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern PATTERN = Pattern.compile(IDENT + "(\\." + IDENT + ")*(\\.\\*\\*?)?");
    /** Packages the agent or Wedge runs on: weaving them would make the agent pass its own points. */
    private static final List<String> REFUSED = List.of("wedge.agent", "wedge.repro", "wedge.junit",
            "wedge.contract");
    private static final List<String> JDK = List.of("java", "javax", "jdk", "sun", "com.sun");

    public AutoScope {
        patterns = List.copyOf(patterns);
    }

    /**
     * The scope {@code points} gives, checked; without one, the package of {@code mainClass} and its sub-packages.
     *
     * @param mainClass the JVM's main class, or null when it is not known (then a scope must be given)
     * @throws BadConfiguration for an empty or malformed scope, or one that covers Wedge or the JDK's core
     */
    public static AutoScope parse(String points, String mainClass) {
        List<String> patterns = new ArrayList<>();
        if (points.equals(AUTO)) {
            if (mainClass == null) {
                throw new BadConfiguration("points=auto: the main class is not known, so there is no default scope;"
                        + " valid: " + FORM);
            }
            int dot = mainClass.lastIndexOf('.');
            patterns.add(dot < 0 ? "*" : mainClass.substring(0, dot) + ".**");
        } else {
            String scope = points.substring(AUTO.length() + 1);
            if (scope.isBlank()) {
                throw new BadConfiguration("points=" + points + ": the scope is empty; valid: " + FORM);
            }
            for (String p : scope.split("\\|", -1)) {
                if (!PATTERN.matcher(p).matches()) {
                    throw new BadConfiguration("points=" + points + ": bad scope '" + p + "'; valid: " + FORM);
                }
                patterns.add(p);
            }
        }
        for (String p : patterns) {
            for (String jdk : JDK) {
                if (overlaps(p, jdk) && (p.endsWith(".*") || p.endsWith(".**"))) {
                    throw new BadConfiguration("points=" + points + ": scope '" + p + "' would weave every class of a "
                            + "JDK package (" + jdk + "), which Wedge's agent and every library run on; valid: JDK "
                            + "classes named one by one (auto:java.util.HashMap), or your program's own packages");
                }
            }
            for (String refused : REFUSED) {
                if (overlaps(p, refused)) {
                    throw new BadConfiguration("points=" + points + ": scope '" + p + "' would weave " + refused
                            + ", which is Wedge's own code; valid: a scope of your program's or its libraries' own "
                            + "packages");
                }
            }
        }
        return new AutoScope(points, patterns);
    }

    /** Whether the class of binary name {@code className} is the JDK's (its package is under one of its roots). */
    public static boolean isJdk(String className) {
        return JDK.stream().anyMatch(jdk -> className.startsWith(jdk + "."));
    }

    /** Whether the class of binary name {@code className} is in this scope. */
    public boolean covers(String className) {
        for (String p : patterns) {
            if (matches(p, className)) {
                return true;
            }
        }
        return false;
    }

    /** The patterns that name a JDK class, which the class path does not hold. */
    List<String> jdkClasses() {
        List<String> named = new ArrayList<>();
        for (String p : patterns) {
            if (JDK.stream().anyMatch(jdk -> overlaps(p, jdk))) {
                named.add(p);
            }
        }
        return named;
    }

    /** The packages whose classes may be in scope: each pattern's package, with whether sub-packages count. */
    List<String> roots() {
        List<String> roots = new ArrayList<>();
        for (String p : patterns) {
            roots.add(p.equals("*") ? "" : p.endsWith(".*") || p.endsWith(".**") ? p.substring(0, p.indexOf(".*"))
                    : p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "");
        }
        return roots;
    }

    private static boolean matches(String pattern, String className) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        if (pattern.equals("*")) {
            return pkg.isEmpty();
        }
        if (pattern.endsWith(".**")) {
            String root = pattern.substring(0, pattern.length() - 3);
            return pkg.equals(root) || pkg.startsWith(root + ".");
        }
        if (pattern.endsWith(".*")) {
            return pkg.equals(pattern.substring(0, pattern.length() - 2));
        }
        return className.equals(pattern) || className.startsWith(pattern + "$");
    }

    /** Whether some class of package {@code refused} (or of its sub-packages) would match {@code pattern}. */
    private static boolean overlaps(String pattern, String refused) {
        if (pattern.equals("*")) {
            return false;
        }
        String base = pattern.endsWith(".**") ? pattern.substring(0, pattern.length() - 3)
                : pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        boolean inside = base.equals(refused) || base.startsWith(refused + ".");
        boolean around = pattern.endsWith(".**") && refused.startsWith(base + ".");
        return inside || around;
    }
}
