package wedge.agent.hunt;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import wedge.agent.points.Point;

/**
 * Re-reads a field point's field after a pause (KCSAN's check): a value that changed under the paused thread is
 * evidence of a race even when no trap fired. Reflection, resolved once per point on first use; only paused threads
 * come here, so its cost is outside any access's path.
 */
final class FieldReader {
    private final List<Point> points;
    private final Field[] fields;
    private final boolean[] unreadable;

    FieldReader(List<Point> points) {
        this.points = points;
        this.fields = new Field[points.size()];
        this.unreadable = new boolean[points.size()];
    }

    /**
     * The field's current value in {@code subject} (a static field's subject is its class), encoded as events encode
     * it; null when it cannot be read.
     */
    Long read(int point, Object subject) {
        boolean isStatic = subject instanceof Class<?> c && c.getName().equals(points.get(point).owner());
        Field f = field(point, isStatic ? (Class<?>) subject : subject.getClass());
        if (f == null || isStatic != Modifier.isStatic(f.getModifiers())) {
            return null;
        }
        Object owner = isStatic ? null : subject;
        try {
            Class<?> type = f.getType();
            if (!type.isPrimitive()) {
                return (long) System.identityHashCode(f.get(owner));
            } else if (type == boolean.class) {
                return f.getBoolean(owner) ? 1L : 0L;
            } else if (type == char.class) {
                return (long) f.getChar(owner);
            } else if (type == float.class) {
                return (long) Float.floatToRawIntBits(f.getFloat(owner));
            } else if (type == double.class) {
                return Double.doubleToRawLongBits(f.getDouble(owner));
            }
            return f.getLong(owner);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            return null;
        }
    }

    private synchronized Field field(int point, Class<?> type) {
        if (fields[point] != null || unreadable[point]) {
            return fields[point];
        }
        Point p = points.get(point);
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(p.owner())) {
                try {
                    Field f = c.getDeclaredField(p.member());
                    f.setAccessible(true);
                    fields[point] = f;
                    return f;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    break;
                }
            }
        }
        unreadable[point] = true;
        return null;
    }
}
