package io.redisenterprise.infra.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The placement's node counts: each zone's pool gets its share of the Redis nodes, not a uniform count. */
class PlacementTest {

    @Test
    void eachZoneGetsItsShareOfTheNodes() {
        assertThat(Placement.zoneCounts(3, 3, OptionalInt.empty(), 0)).containsExactly(1, 1, 1);
        // Five nodes over three zones: five VMs, the first zones listed taking the extra ones (not 2 + 2 + 2).
        assertThat(Placement.zoneCounts(5, 3, OptionalInt.empty(), 0)).containsExactly(2, 2, 1);
        assertThat(Placement.zoneCounts(7, 3, OptionalInt.empty(), 0)).containsExactly(3, 2, 2);
        assertThat(Placement.zoneCounts(3, 1, OptionalInt.empty(), 0)).containsExactly(3);
    }

    @Test
    void sparesAreAddedInEveryZone() {
        assertThat(Placement.zoneCounts(5, 3, OptionalInt.empty(), 1)).containsExactly(3, 3, 2);
    }

    @Test
    void aFixedCountPerZoneIsTakenAsIs() {
        assertThat(Placement.zoneCounts(5, 3, OptionalInt.of(2), 0)).containsExactly(2, 2, 2);
    }

    @Test
    void fromTheStack() {
        Placement five = Placement.from(TestStacks.gcp().with("redis", "nodes", 5).settings());
        assertThat(five.zones()).containsExactly("europe-west1-b", "europe-west1-c", "europe-west1-d");
        assertThat(five.zoneNodeCounts()).containsExactly(2, 2, 1);
        assertThat(five.nodesIn("europe-west1-d")).isEqualTo(1);
        assertThat(five.poolNodes()).isEqualTo(5);

        Placement spare = Placement.from(TestStacks.gcp().with("nodePool", "sparePerZone", 1).settings());
        assertThat(spare.zoneNodeCounts()).containsExactly(2, 2, 2);
        Placement fixed = Placement.from(TestStacks.aws().with("redis", "nodes", 5).with("nodePool", "nodesPerZone", 2).settings());
        assertThat(fixed.zoneNodeCounts()).containsExactly(2, 2, 2);
    }

    @Test
    void theLabelsAndTaintThePoolsCarry() {
        Placement p = Placement.from(TestStacks.azure().settings());
        assertThat(p.nodeLabels()).isEqualTo(Map.of("redis.io/node-pool", "redis"));
        assertThat(p.taint()).contains(new Placement.Taint("redis.io/dedicated", "redis-enterprise"));
        assertThat(p.zones()).isEqualTo(List.of("1", "2", "3"));
    }
}
