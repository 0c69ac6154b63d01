package wedge.agent.weave;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import wedge.agent.points.AutoFields;
import wedge.agent.points.Point;

/**
 * The key of a woven class in the cache: a digest of everything weaving is a function of. Those are the agent's build
 * (its weaver, hooks and advice), the JDK that runs it (Byte Buddy reads the JDK's classes), what is woven (the run's
 * points, as far as they shape the woven code, and its fault types) and the class file itself. The other classes a
 * weaving reads are not in the key; they are kept in the entry and checked on a hit ({@link Woven#stillHolds}).
 */
final class WeaveKey {
    /** Bumped whenever what a weaving depends on changes in a way the inputs below do not show. */
    private static final String VERSION = "wedge-woven/1";

    private final String runInputs;
    /** The digest of {@link #runInputs}, made by the first class looked up: a run that weaves nothing never loads
     *  the JDK's security providers, tens of milliseconds of its start-up. Racing threads compute the same bytes. */
    private volatile byte[] run;

    private WeaveKey(String runInputs) {
        this.runInputs = runInputs;
    }

    /**
     * The key of weaving {@code points} and {@code faultTypes} with the agent of build {@code build}; {@code auto}
     * (null for a profile's points) adds what automatic weaving reads besides the points: the scope and the class
     * hierarchy through which an access names its field.
     */
    static WeaveKey forPoints(String build, List<Point> points, AutoFields auto, List<String> faultTypes) {
        StringBuilder what = new StringBuilder(auto == null ? "points\n" : auto.describe() + "\n");
        for (Point p : points) {
            // what PointTransformer and OperandMapping read of a point; its name, role and origin are not woven
            what.append(p.id()).append(' ').append(p.kind()).append(' ').append(p.target()).append(' ')
                    .append(p.scope()).append(' ').append(p.label()).append(' ').append(p.value()).append('\n');
        }
        what.append("fault-types ").append(String.join("|", new TreeSet<>(faultTypes)));
        return of(build, what.toString());
    }

    /** The key of a weaving named {@code what}, fixed by the agent's build, such as the one of Thread#start. */
    static WeaveKey of(String build, String what) {
        return new WeaveKey(String.join("\n", VERSION, build, System.getProperty("java.vm.vendor"),
                System.getProperty("java.vm.name"), Runtime.version().toString(), System.getProperty("java.home"),
                what));
    }

    /** The key of the class {@code internalName} of class file {@code classFile}, 32 hex digits. */
    String of(String internalName, byte[] classFile) {
        byte[] r = run;
        if (r == null) {
            r = Digests.sha256().digest(runInputs.getBytes(StandardCharsets.UTF_8));
            run = r;
        }
        MessageDigest sha = Digests.sha256();
        sha.update(r);
        sha.update(internalName.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(classFile);
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }
}
