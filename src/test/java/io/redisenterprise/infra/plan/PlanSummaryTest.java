package io.redisenterprise.infra.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console summary: each deployment's component named for what it is (whatever its Pulumi type token), and the databases with their estimated placement. */
class PlanSummaryTest {

    @Test
    void theStatefulSetComponentIsCalledWhatItIsNotItsTypeToken() {
        Plan plan = TestStacks.aws().statefulSet().plan();
        // The type token stays, so existing statefulset stacks see no replacement.
        assertThat(plan.resources()).extracting(PlannedResource::type).contains("redis-enterprise:index:RedisEnterpriseCluster");
        String summary = PlanSummary.render(plan);
        assertThat(summary).containsPattern("components +1  StatefulSet deployment\n")
                .doesNotContainPattern("components .*RedisEnterpriseCluster");
    }

    @Test
    void theOperatorComponentToo() {
        assertThat(PlanSummary.render(TestStacks.aws().plan())).containsPattern("components +1  operator deployment\n")
                // Both budgets: a roll of three nodes may take far longer than their creation.
                .contains("pulumi up waits  until the cluster's status.state is Running and its specStatus Valid,"
                        + " at most 25m when created, 70m when updated\n");
    }
    @Test
    void theDatabasesSectionShowsEachDatabaseThenTheShardsAndMemoryOfEachNode() {
        Plan plan = TestStacks.kubernetes().with("redis", "memory", "16Gi").set("databases", List.of(
                Map.of("name", "sessions", "memory", "4Gi"),
                Map.of("name", "cache", "memory", "8Gi", "replication", false, "persistence", "disabled"),
                Map.of("name", "orders", "memory", "12Gi", "shards", 3, "port", 12000))).plan();
        assertThat(PlanSummary.render(plan)).contains("""
                Databases:
                  sessions         4Gi, 1 shard + 1 replica, persistence aofEverySecond
                  cache            8Gi, 1 shard, no replicas, persistence disabled
                  orders           12Gi, 3 shards + 3 replicas, persistence aofEverySecond, port 12000
                  shards per node (estimate: Redis Enterprise places them, sparse; memory against the 11468Mi a node offers after the 30 % it keeps free):
                    node 0                      1 shard  8Gi used (71%)
                    node 1                      4 shards 8Gi used (71%)
                    node 2                      4 shards 8Gi used (71%)
                """);
    }

    @Test
    void noDatabasesNoSection() {
        assertThat(PlanSummary.render(TestStacks.kubernetes().plan())).doesNotContain("Databases:");
    }
}
