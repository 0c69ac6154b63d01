package wedge.repro.sweep;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvShardTest {
    @Test
    void theZeroBasedIndexIsTheShardCountingFromOne() {
        assertEquals("1/3", EnvShard.of(Map.of("JOB_COMPLETION_INDEX", "0", "WEDGE_SHARD_COUNT", "3")));
        assertEquals("3/3", EnvShard.of(Map.of("JOB_COMPLETION_INDEX", "2", "WEDGE_SHARD_COUNT", "3")));
    }

    @Test
    void aMissingVariableIsNamed() {
        assertTrue(message(Map.of("WEDGE_SHARD_COUNT", "3")).contains("JOB_COMPLETION_INDEX is not set"));
        assertTrue(message(Map.of("JOB_COMPLETION_INDEX", "0")).contains("WEDGE_SHARD_COUNT is not set"));
    }

    @Test
    void inconsistentValuesAreNamedWithTheirValues() {
        assertTrue(message(Map.of("JOB_COMPLETION_INDEX", "3", "WEDGE_SHARD_COUNT", "3"))
                .contains("JOB_COMPLETION_INDEX=3 must be 0..2 since WEDGE_SHARD_COUNT=3"));
        assertTrue(message(Map.of("JOB_COMPLETION_INDEX", "0", "WEDGE_SHARD_COUNT", "0"))
                .contains("WEDGE_SHARD_COUNT=0 must be at least 1"));
        assertTrue(message(Map.of("JOB_COMPLETION_INDEX", "one", "WEDGE_SHARD_COUNT", "3"))
                .contains("JOB_COMPLETION_INDEX='one' is not a whole number"));
    }

    private static String message(Map<String, String> env) {
        return assertThrows(IllegalArgumentException.class, () -> EnvShard.of(env)).getMessage();
    }
}
