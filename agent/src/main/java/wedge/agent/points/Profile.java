package wedge.agent.points;

import java.util.List;

/**
 * What one profile file describes of a target: its race points (each with its role), the exception types whose
 * construction is a fault, and the method that snapshots its state for a dump.
 *
 * @param source    how messages name the file, e.g. {@code profile allocator} or {@code points file my.points}
 * @param points    the points, in file order; a point's id is its index
 * @param faultType the {@code fault-type} line's value ({@code Class|Class...}), or null when the file has none
 * @param snapshot  the {@code snapshot} line's value ({@code Class#method} or {@code none}), or null when none
 * @param auto      the fields of {@code points=auto}, whose points these are; null for a profile file
 */
public record Profile(String source, List<Point> points, String faultType, String snapshot, AutoFields auto) {
    public Profile {
        points = List.copyOf(points);
    }

    /** The profile of {@code points=auto}: no fault type (a fault is an uncaught exception), no snapshot. */
    static Profile of(AutoFields auto) {
        return new Profile(auto.scope().spec(), auto.points(), null, null, auto);
    }
}
