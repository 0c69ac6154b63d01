package wedge.agent.weave;

import static net.bytebuddy.matcher.ElementMatchers.is;
import static net.bytebuddy.matcher.ElementMatchers.isPrimitive;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The value types a field or call-site point can carry, each with its own hook overloads ({@code readLong},
 * {@code callVoid}, ...). Fields of other types ({@code byte}, {@code short}, {@code char}, {@code float},
 * {@code double}) are not woven.
 */
enum ValueShape {
    LONG("Long", is(long.class)),
    INT("Int", is(int.class)),
    BOOLEAN("Boolean", is(boolean.class)),
    REFERENCE("Object", not(isPrimitive())),
    VOID("Void", is(void.class));

    /** Shapes a field can have. */
    static final List<ValueShape> FIELDS = List.of(LONG, INT, BOOLEAN, REFERENCE);
    /** Shapes a call's result can have. */
    static final List<ValueShape> RESULTS = List.of(LONG, INT, BOOLEAN, REFERENCE, VOID);

    /** Suffix of the hook names for this shape. */
    final String suffix;
    /** Matches the types of this shape. */
    final ElementMatcher<TypeDescription> type;

    ValueShape(String suffix, ElementMatcher<TypeDescription> type) {
        this.suffix = suffix;
        this.type = type;
    }
}
