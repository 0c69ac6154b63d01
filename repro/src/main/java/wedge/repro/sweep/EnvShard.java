package wedge.repro.sweep;

import java.util.Map;

/**
 * The shard a batch scheduler assigned through the environment, as {@code --shard env} reads it: a Kubernetes
 * Indexed Job sets {@value #INDEX} (0-based) in every pod, and the Job's manifest sets {@value #COUNT} to its
 * {@code completions}, since Kubernetes does not pass the count itself.
 */
public final class EnvShard {
    /** The value of {@code --shard} that reads the shard from the environment. */
    public static final String KEYWORD = "env";
    /** This pod's 0-based shard index. */
    public static final String INDEX = "JOB_COMPLETION_INDEX";
    /** How many shards there are. */
    public static final String COUNT = "WEDGE_SHARD_COUNT";

    private EnvShard() {
    }

    /**
     * The shard as {@code k/n} ({@code k} counts from 1, as {@link SeedRange#shard} takes it) from {@code env}.
     *
     * @throws IllegalArgumentException naming the variable that is missing, not a number, or out of range
     */
    public static String of(Map<String, String> env) {
        int count = number(env, COUNT);
        int index = number(env, INDEX);
        if (count < 1) {
            throw new IllegalArgumentException("--shard env: " + COUNT + "=" + count + " must be at least 1");
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard env: " + INDEX + "=" + index + " must be 0.." + (count - 1)
                    + " since " + COUNT + "=" + count);
        }
        return (index + 1) + "/" + count;
    }

    private static int number(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--shard env: " + name + " is not set; set " + INDEX
                    + " (this shard, from 0) and " + COUNT + " (how many shards), as deploy/k8s/sweep-job.yaml does");
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard env: " + name + "='" + value + "' is not a whole number");
        }
    }
}
