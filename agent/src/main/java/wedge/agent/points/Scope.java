package wedge.agent.points;

/**
 * The code a field or call-site point is woven into: every class of a package ({@code pkg.*}), one class, or one
 * method of a class ({@code Class#method}, all overloads).
 *
 * @param packageName set for a package scope, else null
 * @param className   set for a class or method scope, else null
 * @param methodName  set for a method scope, else null
 */
public record Scope(String packageName, String className, String methodName) {

    /** The scope {@code text} denotes; the caller has checked its syntax. */
    static Scope parse(String text) {
        if (text.endsWith(".*")) {
            return new Scope(text.substring(0, text.length() - 2), null, null);
        }
        int hash = text.indexOf('#');
        return hash < 0 ? new Scope(null, text, null)
                : new Scope(null, text.substring(0, hash), text.substring(hash + 1));
    }

    /** The package scope of the class named {@code className}: the default scope of a field point. */
    static Scope packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return new Scope(dot < 0 ? "" : className.substring(0, dot), null, null);
    }

    /** Whether some methods of the class named {@code typeName} are in this scope. */
    public boolean coversType(String typeName) {
        if (packageName != null) {
            int dot = typeName.lastIndexOf('.');
            return packageName.equals(dot < 0 ? "" : typeName.substring(0, dot));
        }
        return className.equals(typeName);
    }

    @Override
    public String toString() {
        if (packageName != null) {
            return packageName + ".*";
        }
        return methodName == null ? className : className + "#" + methodName;
    }
}
