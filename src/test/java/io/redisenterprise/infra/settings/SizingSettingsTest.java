package io.redisenterprise.infra.settings;

import static io.redisenterprise.infra.TestStacks.at;
import static io.redisenterprise.infra.TestStacks.only;
import static io.redisenterprise.infra.TestStacks.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Capacity-aware sizing as users meet it: derived pod sizes, and every refusal with its message. */
class SizingSettingsTest {


    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure"})
    void defaultStackFillsEachVmWithRedis(String cloud) {
        Settings s = TestStacks.forCloud(cloud).statefulSet().settings();
        SizingReport r = s.sizing().orElseThrow();
        assertThat(r.derived()).isTrue();
        assertThat(r.memoryUtilisation()).isBetween(0.85, 1.0);
        assertThat(r.podMemoryMiB()).isLessThanOrEqualTo(r.allocatableMemoryMiB());
        assertThat(r.podCpuMillicores()).isLessThanOrEqualTo(r.allocatableCpuMillicores());
        // The pod memory is Redis plus the sidecar; the derived Redis size is what the StatefulSet requests.
        assertThat(s.redis().memory().mebibytes() + 128).isEqualTo(r.podMemoryMiB());
        assertThat(s.redis().volumeSize().value()).isGreaterThanOrEqualTo(s.redis().memory().value().multiply(java.math.BigDecimal.valueOf(5)));
    }

    /**
     * The operator puts its bootstrapper in every Redis pod and may put its single services rigger and its daily
     * call-home job on any Redis VM (the cluster's nodeSelector covers them): every VM leaves room for all three, and
     * Redis still gets at least 85% of what the node leaves for pods.
     */
    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure"})
    void operatorStackLeavesRoomForEveryOperatorPodAndStillFillsEachVm(String cloud) {
        Settings s = TestStacks.forCloud(cloud).settings();
        assertThat(s.deployment().mode()).isEqualTo(DeploymentMode.OPERATOR);
        SizingReport r = s.sizing().orElseThrow();
        assertThat(r.derived()).isTrue();
        // 128Mi bootstrapper + 512Mi services rigger + 256Mi call-home client; 100m + 500m + 250m.
        assertThat(r.podMemoryMiB()).isEqualTo(s.redis().memory().mebibytes() + 128 + 512 + 256);
        assertThat(r.podCpuMillicores()).isEqualTo(s.redis().cpu().millicores() + 100 + 500 + 250);
        assertThat(r.podMemoryMiB()).isLessThanOrEqualTo(r.allocatableMemoryMiB());
        assertThat(r.podCpuMillicores()).isLessThanOrEqualTo(r.allocatableCpuMillicores());
        assertThat((double) s.redis().memory().mebibytes() / r.allocatableMemoryMiB()).isGreaterThanOrEqualTo(0.85);
        Settings statefulSet = TestStacks.forCloud(cloud).statefulSet().settings();
        assertThat(s.redis().memory()).isLessThan(statefulSet.redis().memory());
    }

    @Test
    void operatorRefusalNamesEveryOperatorPod() {
        List<String> lines = problems(TestStacks.aws().with("redis", "memory", "28Gi"));
        assertThat(lines).singleElement().asString()
                .startsWith("redis-enterprise:redis.memory: must fit one r6i.xlarge node with the operator's bootstrapper,"
                        + " services rigger and call-home client: ")
                .contains("short by").contains("Largest that fits: cpu 2700m, memory 27904Mi").endsWith(", got \"28Gi\"");
    }

    @Test
    void derivedSizeReachesTheStatefulSet() {
        var plan = TestStacks.aws().statefulSet().plan();
        Settings s = TestStacks.aws().statefulSet().settings();
        Map<String, Object> limits = TestStacks.atMap(only(plan, "kubernetes:apps/v1:StatefulSet").inputs(), "spec", "template",
                "spec", "containers", 0, "resources", "limits");
        assertThat(limits).containsEntry("cpu", s.redis().cpu().text()).containsEntry("memory", s.redis().memory().text());
        assertThat(s.redis().memory().text()).isEqualTo("28Gi");
    }

    @Test
    void aPodThatCannotFitIsRefused() {
        List<String> lines = problems(TestStacks.aws().statefulSet().with("redis", "memory", "30Gi").with("redis", "cpu", "2"));
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("redis-enterprise:redis.memory: must fit one r6i.xlarge node with the bootstrap sidecar: ")
                .contains("short by").contains("Largest that fits: cpu 3500m, memory 28Gi").endsWith(", got \"30Gi\"");
    }

    @Test
    void tooMuchCpuIsRefusedOnTheCpuKey() {
        List<String> lines = problems(TestStacks.gcp().with("redis", "cpu", "4"));
        assertThat(lines).singleElement().asString().startsWith("redis-enterprise:redis.cpu: must fit one n2-highmem-4 node")
                .endsWith(", got \"4\"");
    }

    @Test
    void givenSizesThatFitAreKeptAndReported() {
        Settings s = TestStacks.gcp().with("redis", "cpu", "2").with("redis", "memory", "16Gi").settings();
        assertThat(s.redis().memory().text()).isEqualTo("16Gi");
        assertThat(s.sizing().orElseThrow().derived()).isFalse();
        assertThat(s.sizing().orElseThrow().memoryUtilisation()).isLessThan(0.85);
    }

    @Test
    void unknownMachineTypeNeedsExplicitSizes() {
        assertThat(problems(TestStacks.aws().with("nodePool", "machineType", "x9.huge"))).singleElement().asString()
                .startsWith("redis-enterprise:nodePool.machineType: is not in the sizing catalogue for aws, so set redis.cpu and redis.memory explicitly")
                .endsWith(", got \"x9.huge\"");
        Settings s = TestStacks.aws().with("nodePool", "machineType", "x9.huge")
                .with("redis", "cpu", "4").with("redis", "memory", "16Gi").settings();
        assertThat(s.sizing()).isEmpty();
    }

    @Test
    void bootDiskHoldsTwiceTheMemory() {
        assertThat(problems(TestStacks.aws().statefulSet().with("nodePool", "diskSizeGb", 40))).containsExactly(
                "redis-enterprise:nodePool.diskSizeGb: must be at least 2 x redis.memory (56 GB for 28Gi) for Redis Enterprise's ephemeral files, got 40");
        Settings big = TestStacks.aws().with("nodePool", "machineType", "r6i.4xlarge").settings();
        assertThat(big.nodePool().diskSizeGb()).isGreaterThanOrEqualTo(2 * (int) big.redis().memory().ceilGibibytes());
        assertThat(TestStacks.aws().settings().nodePool().diskSizeGb()).isEqualTo(128);
    }

    @Test
    void sparePerZoneAddsVmsBeyondTheRedisNodes() {
        Settings s = TestStacks.gcp().with("nodePool", "sparePerZone", 1).settings();
        assertThat(s.nodePool().sparePerZone()).isEqualTo(1);
        assertThat(s.nodePool().nodesPerZone()).isEmpty();
        assertThat(problems(TestStacks.gcp().with("nodePool", "sparePerZone", 1).with("nodePool", "nodesPerZone", 1))).containsExactly(
                "redis-enterprise:nodePool.nodesPerZone: nodesPerZone x zones (1 x 3) must be at least redis.nodes + sparePerZone x zones (3 + 1 x 3): one Redis Enterprise node per VM, got 1");
    }

    @Test
    void daemonSetAllowanceIsConfigurable() {
        long standard = TestStacks.aws().settings().sizing().orElseThrow().allocatableMemoryMiB();
        Settings more = TestStacks.aws().with("nodePool", "daemonSetAllowance", Map.of("cpu", "500m", "memory", "2Gi")).settings();
        assertThat(more.sizing().orElseThrow().allocatableMemoryMiB()).isLessThan(standard);
        assertThat(problems(TestStacks.aws().with("nodePool", "daemonSetAllowance", Map.of("memory", "lots")))).containsExactly(
                "redis-enterprise:nodePool.daemonSetAllowance.memory: must be a Kubernetes quantity such as 4Gi or 500m, got \"lots\"");
    }

    @Test
    void aksPoolsAllowFewPodsSoLessMemoryIsReserved() {
        assertThat(TestStacks.azure().settings().nodePool().maxPods()).isEqualTo(30);
        assertThat(TestStacks.azure().plan().ofType("azure-native:containerservice:AgentPool"))
                .allSatisfy(p -> assertThat(p.inputs()).containsEntry("maxPods", 30L));
        long at30 = TestStacks.azure().settings().sizing().orElseThrow().allocatableMemoryMiB();
        long at250 = TestStacks.azure().with("nodePool", "maxPods", 250).settings().sizing().orElseThrow().allocatableMemoryMiB();
        assertThat(at30).isGreaterThan(at250);
        assertThat(problems(TestStacks.azure().with("nodePool", "maxPods", 5))).containsExactly(
                "redis-enterprise:nodePool.maxPods: must be at least 10, got 5");
        assertThat(problems(TestStacks.aws().with("nodePool", "maxPods", 30))).containsExactly(
                "redis-enterprise:nodePool.maxPods: applies only when cloud is azure (AKS reserves memory per allowed pod), got 30");
    }

    @Test
    void existingClustersKeepExplicitOrSmallDefaults() {
        Settings s = TestStacks.kubernetes().settings();
        assertThat(s.sizing()).isEmpty();
        assertThat(s.redis().cpu().text()).isEqualTo("2");
        assertThat(s.redis().memory().text()).isEqualTo("4Gi");
    }
}
