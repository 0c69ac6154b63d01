package wedge.agent.config;

import java.nio.file.Path;

/**
 * How the scheduling strategies ({@code controlled}, {@code script}) run threads; ignored by the others.
 *
 * @param search     controlled: how the seed picks the next thread at each point
 * @param pctDepth   pct: the bug depth d; the search makes d-1 priority changes
 * @param pctSteps   pct: the expected number of scheduling decisions k; change points fall in 1..k
 * @param stallNanos how long the scheduler waits for a thread it let run to reach its next point before it lets the
 *                   others go on (and records that determinism was lost)
 * @param script     script: the path of the script file, else null
 */
public record ScheduleOptions(SearchKind search, int pctDepth, long pctSteps, long stallNanos, String script) {

    /** These options with the script path made absolute, for another process. */
    public ScheduleOptions absolutePaths() {
        return new ScheduleOptions(search, pctDepth, pctSteps, stallNanos,
                script == null ? null : Path.of(script).toAbsolutePath().toString());
    }
}
