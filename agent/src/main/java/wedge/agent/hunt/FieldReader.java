package wedge.agent.hunt;

import java.lang.reflect.Field;
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

    /** The field's current value in {@code subject}, encoded as events encode it; null when it cannot be read. */
    Long read(int point, Object subject) {
        Field f = field(point, subject.getClass());
        if (f == null) {
            return null;
        }
        try {
            Class<?> type = f.getType();
            if (type == long.class) {
                return f.getLong(subject);
            } else if (type == int.class) {
                return (long) f.getInt(subject);
            } else if (type == boolean.class) {
                return f.getBoolean(subject) ? 1L : 0L;
            } else if (!type.isPrimitive()) {
                return (long) System.identityHashCode(f.get(subject));
            }
        } catch (IllegalAccessException | IllegalArgumentException e) {
            return null;
        }
        return null;
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
