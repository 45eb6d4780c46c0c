package io.redisenterprise.infra.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import org.junit.jupiter.api.Test;

/** The console summary names each deployment's component for what it is, whatever its Pulumi type token. */
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
        assertThat(PlanSummary.render(TestStacks.aws().plan())).containsPattern("components +1  operator deployment\n");
    }
}
