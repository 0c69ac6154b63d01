package wedge.repro.run;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a launcher asks of a batch child for one seed, one JSON object per line on the child's stdin.
 *
 * @param seed   the seed
 * @param agent  the agent options the seed's run begins with ({@code seed=7}, a script under {@code script}), put
 *               over those the agent was loaded with; null when the child runs without the agent
 * @param replay the {@code wedge run} command that replays this seed alone, which its dump records
 * @param args   the workload's arguments, as a one-run child takes them; empty for a program's entry
 */
public record SeedRequest(long seed, String agent, String replay, List<String> args) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SeedRequest {
        args = List.copyOf(args);
    }

    /** The request on {@code line}. */
    public static SeedRequest parse(String line) {
        try {
            return JSON.readValue(line, SeedRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a seed request: " + line + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** This request as its line, without the newline. */
    String line() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
