package wedge.agent.points;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import wedge.agent.config.BadConfiguration;

/**
 * The points of {@code points=auto}: a read and a write point for every field, instance or static, that a class of
 * the scope declares and that is neither final nor volatile (a final field cannot race once published, a volatile
 * one is ordered by its declaration). Field {@code k} is point {@code 2k} (read) and {@code 2k+1} (write), named
 * {@code Class#field.read} and {@code Class#field.write} after the class's simple binary name (its full name where
 * two classes of the scope share one), with role {@code access}.
 *
 * <p>Invariant: the same class files give the same points with the same ids in every run (classes in name order,
 * fields in declaration order), so the woven-class cache and a pairs file stay valid from run to run.
 */
public final class AutoFields {
    /** The role of every automatic point: an access, neither a check nor an act the reader could tell apart. */
    public static final String ROLE = "access";

    private final AutoScope scope;
    private final List<Point> points;
    /** Internal class name to its fields, name to field number. */
    private final Map<String, Map<String, Integer>> fields;
    /** Internal class name to its superclass's, for the classes of the scope. */
    private final Map<String, String> supers;

    private AutoFields(AutoScope scope, List<Point> points, Map<String, Map<String, Integer>> fields,
                       Map<String, String> supers) {
        this.scope = scope;
        this.points = List.copyOf(points);
        this.fields = fields;
        this.supers = supers;
    }

    /**
     * The points of {@code scope}'s classes on {@code classPath}.
     *
     * @throws BadConfiguration when no class of the class path is in the scope: nothing would be woven
     */
    public static AutoFields scan(AutoScope scope, String classPath) {
        Map<String, byte[]> classes = ScopeClasses.find(scope, classPath);
        if (classes.isEmpty()) {
            throw new BadConfiguration("points=" + scope.spec() + ": no class of the class path is in scope "
                    + String.join("|", scope.patterns()) + ", so nothing would be woven; valid: a scope that names "
                    + "packages of your program, e.g. auto:com.example.**");
        }
        List<String[]> declared = new ArrayList<>();
        Map<String, String> supers = new HashMap<>();
        for (byte[] file : classes.values()) {
            ClassReader reader = new ClassReader(file);
            supers.put(reader.getClassName(), reader.getSuperName());
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    if ((access & (Modifier.FINAL | Modifier.VOLATILE)) == 0 && (access & Opcodes.ACC_SYNTHETIC) == 0) {
                        declared.add(new String[] {reader.getClassName(), name,
                                Type.getType(descriptor).getClassName()});
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        Map<String, Integer> simpleNames = new HashMap<>();
        for (String internal : supers.keySet()) {
            simpleNames.merge(simpleName(internal), 1, Integer::sum);
        }
        List<Point> points = new ArrayList<>();
        Map<String, Map<String, Integer>> fields = new HashMap<>();
        String origin = "points=" + scope.spec();
        for (String[] f : declared) {
            String owner = f[0].replace('/', '.');
            String shown = simpleNames.get(simpleName(f[0])) > 1 ? owner : simpleName(f[0]);
            int k = points.size() / 2;
            fields.computeIfAbsent(f[0], c -> new HashMap<>()).put(f[1], k);
            for (PointKind kind : List.of(PointKind.FIELD_READ, PointKind.FIELD_WRITE)) {
                points.add(new Point(points.size(), kind, owner, f[1], shown + "#" + f[1]
                        + (kind == PointKind.FIELD_READ ? ".read" : ".write"), Scope.packageOf(owner), null, null,
                        origin, ROLE, Map.of(), f[2]));
            }
        }
        return new AutoFields(scope, points, fields, supers);
    }

    /** The scope these fields were found in. */
    public AutoScope scope() {
        return scope;
    }

    /** The read and write point of every field, field {@code k} at {@code 2k} and {@code 2k+1}. */
    public List<Point> points() {
        return points;
    }

    /**
     * Whether the class of binary name {@code className} is woven: a class of the scope found on the class path at
     * start-up. A class of the scope's packages that only turns up later (from another loader, or the JDK's own,
     * such as {@code org.xml.sax} under {@code org.**}) is left alone.
     */
    public boolean weaves(String className) {
        return supers.containsKey(className.replace('.', '/'));
    }

    /** How many fields have points. */
    public int count() {
        return points.size() / 2;
    }

    /**
     * The field number of an access to {@code owner.name} as bytecode writes it ({@code owner} an internal name,
     * maybe a subclass of the declaring class), or -1 when it is not a field with points.
     */
    public int field(String owner, String name) {
        for (String c = owner; c != null; c = supers.get(c)) {
            Map<String, Integer> declared = fields.get(c);
            Integer k = declared == null ? null : declared.get(name);
            if (k != null) {
                return k;
            }
            if (!supers.containsKey(c)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * What weaving reads of these fields besides their points, for the woven-class cache's key: the scope and each
     * class's superclass.
     */
    public String describe() {
        StringBuilder b = new StringBuilder("auto ").append(String.join("|", scope.patterns()));
        new TreeMap<>(supers).forEach((c, s) -> b.append('\n').append(c).append(" extends ").append(s));
        return b.toString();
    }

    private static String simpleName(String internal) {
        return internal.substring(internal.lastIndexOf('/') + 1);
    }
}
