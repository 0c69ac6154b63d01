package wedge.repro.sweep;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed ranges and their shards, computed rather than stored. */
class SeedsTest {
    @Test
    void shardsSplitARangeIntoDisjointPartsThatCoverIt() {
        List<Long> all = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Seeds shard = SeedRange.parse("5..14").shard(k + "/3");
            shard.without(Set.of()).forEachRemaining(all::add);
            assertEquals(k == 1 ? 4 : 3, shard.count());
        }
        all.sort(Long::compare);
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L), all);
    }

    @Test
    void aHugeRangeIsCountedAndWalkedWithoutBeingMaterialised() {
        Seeds seeds = SeedRange.parse("1..100000000000").all();
        assertEquals(100_000_000_000L, seeds.count());
        assertTrue(seeds.contains(99_999_999_999L));
        assertFalse(seeds.contains(100_000_000_001L));
        Iterator<Long> it = seeds.without(Set.of(1L, 3L));
        assertEquals(List.of(2L, 4L, 5L), List.of(it.next(), it.next(), it.next()));
    }

    @Test
    void aShardKnowsItsOwnSeeds() {
        Seeds second = SeedRange.parse("1..10").shard("2/4");
        assertTrue(second.contains(2) && second.contains(6) && second.contains(10));
        assertFalse(second.contains(3) || second.contains(0) || second.contains(14));
        assertEquals(3, second.count());
    }

    @Test
    void aShardPastTheRangeIsEmpty() {
        Seeds shard = SeedRange.parse("1..2").shard("4/4");
        assertEquals(0, shard.count());
        assertFalse(shard.without(Set.of()).hasNext());
    }
}
