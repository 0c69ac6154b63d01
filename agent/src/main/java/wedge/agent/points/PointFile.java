package wedge.agent.points;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import wedge.agent.config.AgentOptions;
import wedge.agent.config.BadConfiguration;

/**
 * Reads profiles: one point per line, {@code KIND CLASS#MEMBER NAME [in SCOPE] [label=OPERAND] [value=OPERAND]
 * [role=WORD]}; the lines {@code fault-type CLASS[|CLASS...]}, {@code snapshot CLASS#METHOD|none} and
 * {@code role WORD in CLASS#METHOD POINT...} (the role of points already declared, in that method only); blank lines
 * and {@code #} comments ignored. docs/AGENT.md is the user's description of the format; every rule checked here
 * fails with the file, the line and what would be valid.
 */
public final class PointFile {
    /** Where a profile found by name lives on the class path: {@code wedge/profiles/<name>.points}. */
    private static final String PROFILES = "wedge/profiles/";
    private static final String IDENT = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final String CLASS = IDENT + "(\\." + IDENT + ")*";
    private static final Pattern TARGET = Pattern.compile(CLASS + "#" + IDENT);
    private static final Pattern SCOPE = Pattern.compile(CLASS + "(\\.\\*|#" + IDENT + ")?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.$#-]*");
    private static final Pattern ARG = Pattern.compile("arg(\\d{1,3})");
    private static final String FORM = "expected KIND CLASS#MEMBER NAME [in SCOPE] [label=...] [value=...] [role=WORD]";
    private static final String ROLE_FORM = "role WORD in CLASS#METHOD POINT...";

    private final String source;
    private final List<Point> points = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private String faultType;
    private String snapshot;

    private PointFile(String source) {
        this.source = source;
    }

    /**
     * The profile the {@code points} option names: a profile on the class path by name, or a file.
     *
     * @throws BadConfiguration for the first bad line, or a name no profile on the class path has
     */
    public static Profile load(String pointsOption) {
        if (AgentOptions.isAuto(pointsOption)) {
            return Profile.of(AutoFields.scan(AutoScope.parse(pointsOption, ScopeClasses.mainClass()),
                    System.getProperty("java.class.path", "")));
        }
        if (AgentOptions.isProfileName(pointsOption)) {
            String resource = PROFILES + pointsOption + ".points";
            try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
                if (in == null) {
                    throw new BadConfiguration("no profile '" + pointsOption + "' on the class path (" + resource
                            + "); valid: " + AgentOptions.BUILT_IN_PROFILE + " with the allocator on the class path,"
                            + " or the path of a points file");
                }
                return parse("profile " + pointsOption, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new BadConfiguration("profile " + pointsOption + ": cannot read " + resource + " (" + e + ")");
            }
        }
        try {
            return parse("points file " + pointsOption, Files.readString(Path.of(pointsOption)));
        } catch (IOException e) {
            throw new BadConfiguration("points file " + pointsOption + ": cannot read it (" + e.getMessage()
                    + "); valid: a readable UTF-8 text file");
        }
    }

    /**
     * Parses profile text.
     *
     * @param source how errors name the text, e.g. {@code points file my.points}
     * @throws BadConfiguration for the first bad line
     */
    public static Profile parse(String source, String text) {
        PointFile f = new PointFile(source);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            f.line(i + 1, lines[i]);
        }
        if (f.points.isEmpty()) {
            throw new BadConfiguration(source + ": defines no points; valid: at least one line " + FORM);
        }
        return new Profile(source, f.points, f.faultType, f.snapshot, null);
    }

    private void line(int number, String line) {
        List<String> tokens = new ArrayList<>();
        for (String t : line.trim().split("\\s+")) {
            if (t.startsWith("#")) {
                break;
            }
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        if (tokens.isEmpty()) {
            return;
        }
        String at = source + " line " + number + ": ";
        switch (tokens.get(0)) {
            case "fault-type" -> faultType = setting(at, tokens, faultType, AgentOptions.isFaultTypes(tokens.get(
                    tokens.size() - 1)), AgentOptions.FAULT_TYPES_FORM);
            case "snapshot" -> snapshot = setting(at, tokens, snapshot, AgentOptions.isSnapshot(tokens.get(
                    tokens.size() - 1)), AgentOptions.SNAPSHOT_FORM);
            case "role" -> siteRole(at, tokens);
            default -> point(at, number, tokens);
        }
    }

    /** The value of a {@code fault-type} or {@code snapshot} line, which a profile gives at most once. */
    private static String setting(String at, List<String> tokens, String before, boolean valid, String form) {
        String what = tokens.get(0);
        if (tokens.size() != 2 || !valid) {
            throw new BadConfiguration(at + "bad " + what + " line; expected '" + what + " VALUE', VALUE "
                    + form);
        }
        if (before != null) {
            throw new BadConfiguration(at + "a second " + what + " line; give it once");
        }
        return tokens.get(1);
    }

    /** {@code role WORD in CLASS#METHOD POINT...}: the points' role where that method passes them. */
    private void siteRole(String at, List<String> tokens) {
        if (tokens.size() < 5 || !tokens.get(2).equals("in") || !TARGET.matcher(tokens.get(3)).matches()) {
            throw new BadConfiguration(at + "bad role line; expected " + ROLE_FORM);
        }
        String role = role(at, tokens.get(1));
        String site = tokens.get(3);
        for (String name : tokens.subList(4, tokens.size())) {
            Integer id = ids.get(name);
            if (id == null) {
                throw new BadConfiguration(at + "no point '" + name + "' above this line; valid: the names of "
                        + "points declared before it");
            }
            Point p = points.get(id);
            if (p.siteRoles().containsKey(site)) {
                throw new BadConfiguration(at + "point '" + name + "' already has a role in " + site
                        + "; give it once");
            }
            Map<String, String> roles = new HashMap<>(p.siteRoles());
            roles.put(site, role);
            points.set(id, new Point(p.id(), p.kind(), p.owner(), p.member(), p.name(), p.scope(), p.label(),
                    p.value(), p.origin(), p.role(), roles));
        }
    }

    private static String role(String at, String word) {
        if (word.isEmpty()) {
            throw new BadConfiguration(at + "empty role; valid: a word such as pop, push, check or act");
        }
        if (!NAME.matcher(word).matches()) {
            throw new BadConfiguration(at + "bad role '" + word + "'; valid: letters, digits, '_', '.', '-', "
                    + "such as pop, push, check or act");
        }
        return word;
    }

    private void point(String at, int number, List<String> tokens) {
        if (tokens.size() < 3) {
            throw new BadConfiguration(at + "too few fields; " + FORM);
        }
        PointKind kind = PointKind.byId(tokens.get(0));
        if (kind == null) {
            throw new BadConfiguration(at + "unknown kind '" + tokens.get(0) + "'; valid kinds: " + PointKind.ids()
                    + ", or the lines fault-type, snapshot, role");
        }
        String target = tokens.get(1);
        if (!TARGET.matcher(target).matches()) {
            throw new BadConfiguration(at + "bad target '" + target
                    + "'; valid: a binary class name, '#', a member name, e.g. wedge.allocator.TinySlabMeta#freelist"
                    + initializerNote(target));
        }
        String name = tokens.get(2);
        if (!NAME.matcher(name).matches()) {
            throw new BadConfiguration(at + "bad point name '" + name
                    + "'; valid: letters, digits, '_', '.', '$', '#', '-', not starting with one of '.$#-', e.g. "
                    + "freelist.read");
        }
        if (ids.containsKey(name)) {
            throw new BadConfiguration(at + "point name '" + name + "' is already used (line "
                    + points.get(ids.get(name)).origin().substring(source.length() + 1)
                    + "); valid: a name not used yet");
        }
        Attributes a = new Attributes(at, kind, tokens.subList(3, tokens.size()));
        int hash = target.indexOf('#');
        String owner = target.substring(0, hash);
        Scope scope = null;
        if (!kind.isMethodBoundary()) {
            if (a.scope == null && kind == PointKind.CALL_SITE) {
                throw new BadConfiguration(at + "a call-site point needs 'in SCOPE' (the code whose calls it"
                        + " hooks); valid scopes: pkg.*, Class, Class#method");
            }
            scope = a.scope == null ? Scope.packageOf(owner) : Scope.parse(a.scope);
        }
        ids.put(name, points.size());
        points.add(new Point(points.size(), kind, owner, target.substring(hash + 1), name, scope, a.label, a.value,
                source + ":" + number, a.role, Map.of()));
    }

    /** The optional part of a line, after the name. */
    private static final class Attributes {
        String scope;
        Operand label;
        Operand value;
        String role;

        Attributes(String at, PointKind kind, List<String> tokens) {
            for (int i = 0; i < tokens.size(); i++) {
                String t = tokens.get(i);
                if (t.equals("in")) {
                    if (kind.isMethodBoundary()) {
                        throw new BadConfiguration(at + "'in SCOPE' applies to field and call-site points only;"
                                + " a method point is woven into its own method");
                    }
                    if (scope != null || i + 1 == tokens.size() || !SCOPE.matcher(tokens.get(i + 1)).matches()) {
                        throw new BadConfiguration(at + "bad or repeated 'in SCOPE'; valid scopes: pkg.*, Class,"
                                + " Class#method" + (i + 1 < tokens.size() ? initializerNote(tokens.get(i + 1)) : ""));
                    }
                    scope = tokens.get(++i);
                } else if (t.startsWith("label=") || t.startsWith("value=")) {
                    operand(at, kind, t);
                } else if (t.startsWith("role=")) {
                    if (role != null) {
                        throw new BadConfiguration(at + "'role' is given twice; give it once");
                    }
                    role = role(at, t.substring(5));
                } else {
                    throw new BadConfiguration(at + "unexpected '" + t + "'; " + FORM);
                }
            }
            if (kind.isMethodBoundary()) {
                label = label == null ? Operand.THIS : label;
                value = value == null ? (kind == PointKind.METHOD_EXIT ? Operand.RETURN : Operand.NONE) : value;
            }
        }

        private void operand(String at, PointKind kind, String token) {
            boolean isLabel = token.startsWith("label=");
            String text = token.substring(6);
            if (!kind.isMethodBoundary()) {
                throw new BadConfiguration(at + "'" + token + "': label= and value= apply to method-enter and"
                        + " method-exit points only");
            }
            if (isLabel ? label != null : value != null) {
                throw new BadConfiguration(at + "'" + token.substring(0, 5) + "' is given twice; give it once");
            }
            Operand o;
            var arg = ARG.matcher(text);
            if (arg.matches()) {
                o = Operand.arg(Integer.parseInt(arg.group(1)));
            } else if (isLabel && text.equals("this")) {
                o = Operand.THIS;
            } else if (!isLabel && text.equals("none")) {
                o = Operand.NONE;
            } else if (!isLabel && text.equals("return") && kind == PointKind.METHOD_EXIT) {
                o = Operand.RETURN;
            } else {
                String valid = isLabel ? "this, argN" : kind == PointKind.METHOD_EXIT ? "argN, return, none"
                        : "argN, none";
                throw new BadConfiguration(at + "bad " + token.substring(0, 5) + " '" + text + "'; valid: " + valid);
            }
            if (isLabel) {
                label = o;
            } else {
                value = o;
            }
        }
    }

    /**
     * Why a constructor or static initialiser named as a member or scope ({@code Foo#<init>}) is refused, or empty:
     * only methods are woven, as an object under construction is not yet shared between threads.
     */
    private static String initializerNote(String text) {
        return text.endsWith("#<init>") || text.endsWith("#<clinit>") ? "; constructors and static initialisers are "
                + "not woven (only methods are: an object under construction is not yet shared between threads)"
                : "";
    }
}
