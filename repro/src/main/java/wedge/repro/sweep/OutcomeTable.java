package wedge.repro.sweep;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A jcstress-style table of a sweep: per outcome and signature, how many seeds, and for faults the time to
 * reproduce (median, p90, p99), with the crash rate under it; and the same counts of several cases side by side,
 * one row per case ({@link #compare}).
 */
public final class OutcomeTable {
    /** Longest time to reproduce the histograms track: an hour. */
    private static final long MAX_MS = 3_600_000;

    private final Map<String, Histogram> rows = new TreeMap<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final Map<String, Integer> faultSignatures = new TreeMap<>();
    private final Histogram faults = new Histogram(MAX_MS, 3);
    private final Histogram jvmStarts = new Histogram(MAX_MS, 3);
    private int total;
    private int batched;

    /** The table of {@code results} (sweep result lines). */
    public static OutcomeTable of(List<JsonNode> results) {
        OutcomeTable t = new OutcomeTable();
        results.forEach(t::add);
        return t;
    }

    private void add(JsonNode r) {
        String outcome = r.path("outcome").asText();
        String signature = r.path("signature").asText();
        String key = outcome.equals("clean") ? "clean" : outcome + "  " + signature;
        long ttr = Math.min(Math.max(r.path("ttr_ms").asLong(), 0), MAX_MS);
        rows.computeIfAbsent(key, k -> new Histogram(MAX_MS, 3)).recordValue(ttr);
        outcomes.merge(outcome, 1, Integer::sum);
        if (outcome.equals("fault")) {
            faults.recordValue(ttr);
            faultSignatures.merge(signature, 1, Integer::sum);
        }
        if (r.path("batched").asBoolean()) {
            batched++;
        }
        if (r.path("jvm_start_ms").isIntegralNumber()) {
            jvmStarts.recordValue(Math.min(Math.max(r.path("jvm_start_ms").asLong(), 0), MAX_MS));
        }
        total++;
    }

    /** Seeds counted. */
    public int total() {
        return total;
    }

    /** Seeds that faulted. */
    public long faults() {
        return faults.getTotalCount();
    }

    /** Median time to reproduce over the faulting seeds, in ms; 0 when none faulted. */
    public long medianTtrMs() {
        return faults.getValueAtPercentile(50);
    }

    /** Seeds whose outcome was {@code outcome}. */
    public int count(String outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    /**
     * Prints the tables of several cases side by side: per case (e.g. per preset), how many seeds had each outcome,
     * the median time to reproduce and the most common fault signature.
     */
    public static void compare(PrintWriter out, String caseColumn, Map<String, OutcomeTable> tables) {
        out.printf(Locale.ROOT, "%-12s %6s %6s %6s %6s %6s %9s  %s%n", caseColumn, "fault", "hang", "race",
                "clean", "error", "ttr p50", "most common fault");
        tables.forEach((name, t) -> out.printf(Locale.ROOT, "%-12s %6d %6d %6d %6d %6d %9s  %s%n", name,
                t.count("fault"), t.count("hang"), t.count("race"), t.count("clean"), t.count("error"),
                t.faults() == 0 ? "-" : t.medianTtrMs() + " ms", t.mostCommonFault()));
        OutcomeTable all = new OutcomeTable();
        tables.values().forEach(all::addAll);
        out.println(all.timing());
        out.flush();
    }

    /** The most frequent fault signature with its count, {@code -} when none faulted; ties go to the first name. */
    private String mostCommonFault() {
        return faultSignatures.entrySet().stream()
                .max(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").orElse("-");
    }

    /** Prints the table. */
    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%-48s %6s %7s %9s %9s %9s%n", "outcome  signature", "seeds", "share", "ttr p50",
                "ttr p90", "ttr p99");
        rows.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Histogram> e) -> -e.getValue().getTotalCount()))
                .forEach(e -> row(out, e.getKey(), e.getValue()));
        out.printf(Locale.ROOT, "crash rate %d/%d = %.1f %%", faults(), total, total == 0 ? 0.0
                : 100.0 * faults() / total);
        if (faults() > 0) {
            out.printf(Locale.ROOT, "; time to reproduce: median %s, p90 %s, p99 %s",
                    ms(faults.getValueAtPercentile(50)), ms(faults.getValueAtPercentile(90)),
                    ms(faults.getValueAtPercentile(99)));
        }
        out.println();
        out.println(timing());
        out.flush();
    }

    private void addAll(OutcomeTable other) {
        total += other.total;
        batched += other.batched;
        jvmStarts.add(other.jvmStarts);
    }

    /**
     * What the times above measure: from each seed's JVM start (one JVM per seed), or in batches from each seed's own
     * start, with the JVMs' start-up told apart, once per batch.
     */
    String timing() {
        if (batched == 0) {
            return "ttr: from the start of each seed's own JVM (one JVM per seed), start-up included";
        }
        String jvms = jvmStarts.getTotalCount() == 0 ? "" : String.format(Locale.ROOT, " in %d JVM(s); JVM start-up "
                + "once per batch: median %s", jvmStarts.getTotalCount(), ms(jvmStarts.getValueAtPercentile(50)));
        String mixed = batched == total ? "" : "; " + (total - batched) + " seed(s) ran in a JVM of their own";
        return "ttr: batched, from each seed's start; " + batched + " seed(s)" + jvms + mixed;
    }

    private void row(PrintWriter out, String key, Histogram h) {
        boolean timed = key.startsWith("fault") || key.startsWith("hang");
        out.printf(Locale.ROOT, "%-48s %6d %6.1f%% %9s %9s %9s%n", key, h.getTotalCount(),
                100.0 * h.getTotalCount() / total, timed ? ms(h.getValueAtPercentile(50)) : "",
                timed ? ms(h.getValueAtPercentile(90)) : "", timed ? ms(h.getValueAtPercentile(99)) : "");
    }

    private static String ms(long ms) {
        return ms < 10_000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
