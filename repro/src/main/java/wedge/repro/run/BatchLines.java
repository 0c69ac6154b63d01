package wedge.repro.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines by which a batch child marks where each seed's output begins and ends, printed on stdout and on stderr
 * alike (each pipe keeps its own order, not the order between the two):
 * <pre>
 * wedge-batch: seed-begin 7
 * wedge-batch: seed-end 7 status=139 ms=212
 * wedge-batch: seed-end 8 status=134 ms=40 ends-batch="a StackOverflowError leaves the JVM in doubt"
 * </pre>
 * {@code status} is the exit status a one-run child of the seed would have ended with; {@code ms} the time from the
 * seed's start to its ending (its fault, or its work's return), before the clean-up after it; {@code ends-batch}
 * says the child ends after this seed, and why.
 */
final class BatchLines {
    private static final String PREFIX = "wedge-batch: ";
    private static final Pattern BEGIN = Pattern.compile("^wedge-batch: seed-begin (-?\\d+)$");
    private static final Pattern END = Pattern.compile("^wedge-batch: seed-end (-?\\d+) status=(-?\\d+) ms=(\\d+)"
            + "(?: ends-batch=(\"(?:[^\"\\\\]|\\\\.)*\"))?$");

    private BatchLines() {
    }

    static String begin(long seed) {
        return PREFIX + "seed-begin " + seed;
    }

    static String end(long seed, int status, long ms, String endsBatch) {
        return PREFIX + "seed-end " + seed + " status=" + status + " ms=" + ms
                + (endsBatch == null ? "" : " ends-batch=" + DumpReport.quote(endsBatch));
    }

    /** The seed whose output {@code line} begins, or null when it is no such line. */
    static Long begun(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        Matcher m = BEGIN.matcher(line);
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }

    /** The end {@code line} marks ({@code seed}, {@code status}, {@code ms}, quoted {@code ends-batch} or null), or null. */
    static Matcher ended(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        Matcher m = END.matcher(line);
        return m.matches() ? m : null;
    }
}
