package wedge.repro.minimize;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A recorded schedule as script steps. The dump's {@code schedule.runs} are the stretches each thread ran between
 * context switches, {@code [ordinal, fromHit, toHit, end]}; each becomes one step: {@code T<ordinal> to <end> at
 * <toHit>} when the thread was stopped at a point for another to run, {@code T<ordinal> to end} when it ended or
 * blocked. Played by the {@code script} strategy, the steps give back the recorded interleaving; a subset of them
 * gives the interleaving with fewer context switches (where no step decides, the running thread runs on).
 */
public final class ScheduleScript {
    private ScheduleScript() {
    }

    /**
     * The steps of the dump's schedule.
     *
     * @throws IllegalArgumentException when the dump has no complete schedule to work from
     */
    public static List<String> steps(JsonNode dump) {
        JsonNode schedule = dump.path("schedule");
        if (!schedule.has("runs")) {
            throw new IllegalArgumentException("the dump has no schedule: it was not made under --agent controlled "
                    + "or --script (strategy " + dump.path("strategy").asText("?") + ")");
        }
        if (schedule.path("runsTruncated").asBoolean()) {
            throw new IllegalArgumentException("the dump's schedule is truncated: too many context switches to "
                    + "minimise");
        }
        List<String> steps = new ArrayList<>();
        for (JsonNode run : schedule.path("runs")) {
            String thread = "T" + run.get(0).asInt();
            String end = run.get(3).asText();
            steps.add(end.equals("end") ? thread + " to end" : thread + " to " + end + " at " + run.get(2).asLong());
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("the dump's schedule has no context switch to remove");
        }
        return steps;
    }

    /** The text of a script file: {@code header} lines as comments, then the steps. */
    public static String render(List<String> header, List<String> steps) {
        StringBuilder b = new StringBuilder();
        header.forEach(h -> b.append("# ").append(h).append('\n'));
        steps.forEach(s -> b.append(s).append('\n'));
        return b.toString();
    }
}
