package wedge.agent.points;

import java.util.List;
import java.util.Map;

/**
 * One race point: a place in bytecode whose passing is an event.
 *
 * @param id      index in the point table; woven code carries it as a constant
 * @param kind    what kind of place
 * @param owner   binary name of the class that declares the field or method
 * @param member  field or method name
 * @param name    the point's name in events and dumps, e.g. {@code freelist.read}
 * @param scope   the code woven, for field and call-site points; null for method points
 * @param label   method points: which value is the event's subject; null otherwise
 * @param value   method points: which value is the event's value; null otherwise
 * @param origin  where the point was declared, {@code file:line}
 * @param role      what the target does at this point, a free word such as {@code pop} or {@code check}; null when
 *                  the profile gives none
 * @param siteRoles roles that replace {@code role} in particular enclosing methods ({@code Class#method}), for a
 *                  point whose meaning depends on the code that passes it
 * @param fieldType a field point's field type as Java writes it ({@code double}, {@code java.lang.String}), so that a
 *                  reader can decode its values (a {@code float} or {@code double} is recorded as its raw bits); null
 *                  when not known (a profile's points)
 */
public record Point(int id, PointKind kind, String owner, String member, String name, Scope scope, Operand label,
                    Operand value, String origin, String role, Map<String, String> siteRoles, String fieldType) {

    public Point {
        siteRoles = Map.copyOf(siteRoles);
    }

    /** A point whose field type, if any, is not known: a profile's. */
    public Point(int id, PointKind kind, String owner, String member, String name, Scope scope, Operand label,
                 Operand value, String origin, String role, Map<String, String> siteRoles) {
        this(id, kind, owner, member, name, scope, label, value, origin, role, siteRoles, null);
    }

    /** Whether some point of {@code points} is woven into the class named {@code typeName}. */
    public static boolean anyWovenInto(List<Point> points, String typeName) {
        for (Point p : points) {
            if (p.wovenInto(typeName)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this point is woven into the class named {@code typeName}. */
    public boolean wovenInto(String typeName) {
        return kind.isMethodBoundary() ? owner.equals(typeName) : scope.coversType(typeName);
    }

    /** The target as written in point files, {@code Class#member}. */
    public String target() {
        return owner + "#" + member;
    }
}
