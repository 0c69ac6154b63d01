package wedge.agent.hunt;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import wedge.agent.points.Point;

/**
 * Interns locations by (point, site). The hot path compares the site string by identity (woven code passes a
 * constant), scanning the few locations of one point; a miss takes a lock and is rare (once per site).
 */
final class Locations {
    private final List<Point> points;
    private final UnaryOperator<String> shorten;
    private volatile Location[][] byPoint;
    private int count;

    /**
     * @param shorten turns a woven site ({@code Method#toString()}) into {@code Class#method}
     */
    Locations(List<Point> points, UnaryOperator<String> shorten) {
        this.points = points;
        this.shorten = shorten;
        Location[][] empty = new Location[points.size()][];
        Arrays.fill(empty, new Location[0]);
        this.byPoint = empty;
    }

    /** The location of point {@code point} in the method {@code rawSite}. */
    Location of(int point, String rawSite) {
        for (Location l : byPoint[point]) {
            if (l.rawSite == rawSite) {
                return l;
            }
        }
        return slowOf(point, rawSite);
    }

    /** The location {@code pointName site} as a pairs file names it, made if new; null for an unknown point. */
    synchronized Location named(String pointName, String site) {
        for (Point p : points) {
            if (p.name().equals(pointName)) {
                for (Location l : byPoint[p.id()]) {
                    if (l.site.equals(site)) {
                        return l;
                    }
                }
                return add(new Location(p.id(), pointName, site, null));
            }
        }
        return null;
    }

    /** How many locations exist. */
    synchronized int size() {
        return count;
    }

    private synchronized Location slowOf(int point, String rawSite) {
        String site = shorten.apply(rawSite);
        for (Location l : byPoint[point]) {
            if (rawSite.equals(l.rawSite)) {
                return l;
            }
            if (l.rawSite == null && l.site.equals(site)) {
                l.rawSite = rawSite;
                return l;
            }
        }
        return add(new Location(point, points.get(point).name(), site, rawSite));
    }

    private Location add(Location l) {
        Location[][] next = byPoint.clone();
        Location[] row = Arrays.copyOf(next[l.point], next[l.point].length + 1);
        row[row.length - 1] = l;
        next[l.point] = row;
        l.index = count++;
        byPoint = next;
        return l;
    }
}
