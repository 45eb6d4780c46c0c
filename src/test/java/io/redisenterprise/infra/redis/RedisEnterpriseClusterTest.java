package io.redisenterprise.infra.redis;

import static io.redisenterprise.infra.TestStacks.at;
import static io.redisenterprise.infra.TestStacks.atList;
import static io.redisenterprise.infra.TestStacks.atMap;
import static io.redisenterprise.infra.TestStacks.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.Plan;
import io.redisenterprise.infra.plan.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The statefulset deployment's workload as Kubernetes receives it, for every cloud (redis.deployment statefulset). */
class RedisEnterpriseClusterTest {
    static final String STS = "kubernetes:apps/v1:StatefulSet";
    static final Map<String, Object> SELECTOR = Map.of(
            "app", "redis-enterprise", "redis.io/cluster", "redis-enterprise", "redis.io/role", "node");

    static Map<String, Object> podSpec(Plan plan) {
        return atMap(only(plan, STS).inputs(), "spec", "template", "spec");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure"})
    void oneRedisNodePerVmIsRequiredAndPodsSpreadAcrossZones(String cloud) {
        Map<String, Object> pod = podSpec(TestStacks.forCloud(cloud).statefulSet().plan());
        List<Object> required = atList(pod, "affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution");
        assertThat(required).containsExactly(Map.of(
                "topologyKey", "kubernetes.io/hostname",
                "labelSelector", Map.of("matchLabels", SELECTOR)));
        assertThat(atList(pod, "topologySpreadConstraints")).containsExactly(Map.of(
                "maxSkew", 1L, "minDomains", 3L, "topologyKey", "topology.kubernetes.io/zone",
                "whenUnsatisfiable", "DoNotSchedule", "labelSelector", Map.of("matchLabels", SELECTOR)));
        // The pool's label already keeps pods in its zones (and AKS zone labels are region-qualified).
        assertThat(atMap(pod, "affinity")).doesNotContainKey("nodeAffinity");
    }

    @Test
    void anExistingClusterWithZonesPinsThePodsToThemAndSpreadsOverAllOfThem() {
        List<String> zones = List.of("dc1-a", "dc1-b", "dc1-c");
        Plan plan = TestStacks.kubernetes().statefulSet().set("nodePool", Map.of("zones", zones)).plan();
        Map<String, Object> pod = podSpec(plan);
        assertThat(at(pod, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"))
                .isEqualTo(Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions", List.of(Map.of(
                        "key", "topology.kubernetes.io/zone", "operator", "In", "values", zones))))));
        assertThat(atMap(pod, "topologySpreadConstraints", 0)).containsEntry("minDomains", 3L)
                .containsEntry("topologyKey", "topology.kubernetes.io/zone")
                .containsEntry("whenUnsatisfiable", "DoNotSchedule");
        assertThat(RedisLayerTest.env(RedisLayerTest.container(plan, "bootstrap"), "RACK_AWARE")).isEqualTo("true");
    }

    @Test
    void zonePinningIsOnePlacementTermTheOperatorModeCanRenderToo() {
        var pinned = io.redisenterprise.infra.placement.Placement.from(
                TestStacks.kubernetes().statefulSet().set("nodePool", Map.of("zones", List.of("dc1-a", "dc1-b"))).settings());
        assertThat(pinned.requiredNodeAffinity()).singleElement().satisfies(r -> assertThat(r.toKubernetes())
                .isEqualTo(Map.of("key", "topology.kubernetes.io/zone", "operator", "In", "values", List.of("dc1-a", "dc1-b"))));
        assertThat(pinned.zoneSpreadMinDomains()).isEqualTo(2);
        var unpinned = io.redisenterprise.infra.placement.Placement.from(TestStacks.kubernetes().statefulSet().settings());
        assertThat(unpinned.requiredNodeAffinity()).isEmpty();
        assertThat(io.redisenterprise.infra.placement.Placement.from(TestStacks.gcp().statefulSet().settings()).requiredNodeAffinity()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure"})
    void podsSelectAndTolerateExactlyWhatTheNodePoolCarries(String cloud) {
        Plan plan = TestStacks.forCloud(cloud).statefulSet().plan();
        Map<String, Object> pod = podSpec(plan);
        PlannedResource pool = plan.resources().stream()
                .filter(r -> r.type().matches("aws:eks/nodeGroup:NodeGroup|gcp:container/nodePool:NodePool|azure-native:containerservice:AgentPool"))
                .findFirst().orElseThrow();
        Map<String, Object> poolLabels = switch (cloud) {
            case "aws" -> atMap(pool.inputs(), "labels");
            case "gcp" -> atMap(pool.inputs(), "nodeConfig", "labels");
            default -> atMap(pool.inputs(), "nodeLabels");
        };
        assertThat(pod.get("nodeSelector")).isEqualTo(poolLabels);
        Map<String, Object> toleration = atMap(pod, "tolerations", 0);
        String poolTaint = switch (cloud) {
            case "aws" -> at(pool.inputs(), "taints", 0, "key") + "=" + at(pool.inputs(), "taints", 0, "value") + ":NoSchedule";
            case "gcp" -> at(pool.inputs(), "nodeConfig", "taints", 0, "key") + "=" + at(pool.inputs(), "nodeConfig", "taints", 0, "value") + ":NoSchedule";
            default -> (String) at(pool.inputs(), "nodeTaints", 0);
        };
        assertThat(toleration.get("key") + "=" + toleration.get("value") + ":" + toleration.get("effect")).isEqualTo(poolTaint);
        assertThat(toleration).containsEntry("operator", "Equal");
    }

    @Test
    void podsAreGuaranteedQosNonRootWithPersistentVolumes() {
        Plan plan = TestStacks.aws().statefulSet().with("redis", "cpu", "3").with("redis", "memory", "20Gi").plan();
        Map<String, Object> sts = only(plan, STS).inputs();
        assertThat(at(sts, "spec", "replicas")).isEqualTo(3L);
        assertThat(at(sts, "spec", "serviceName")).isEqualTo("redis-enterprise");
        assertThat(at(sts, "spec", "selector")).isEqualTo(Map.of("matchLabels", SELECTOR));
        assertThat(atMap(sts, "spec", "template", "metadata", "labels")).containsAllEntriesOf(SELECTOR);
        assertThat(at(sts, "spec", "persistentVolumeClaimRetentionPolicy"))
                .isEqualTo(Map.of("whenDeleted", "Retain", "whenScaled", "Retain"));

        Map<String, Object> pod = atMap(sts, "spec", "template", "spec");
        Map<String, Object> node = atList(pod, "containers").stream().map(c -> atMap(c))
                .filter(c -> c.get("name").equals("redis-enterprise-node")).findFirst().orElseThrow();
        assertThat(atMap(node, "resources", "requests")).containsEntry("cpu", "3").containsEntry("memory", "20Gi");
        assertThat(atMap(node, "resources", "limits")).containsEntry("cpu", "3").containsEntry("memory", "20Gi");
        assertThat(atList(node, "ports").stream().<Object>map(p -> atMap(p).get("containerPort")).toList())
                .contains(8001L, 8443L, 9443L, 8070L);
        assertThat(atList(node, "volumeMounts")).contains(
                Map.of("name", "redis-enterprise-storage", "mountPath", "/var/opt/redislabs/persist"));
        assertThat(atMap(pod, "securityContext")).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 1001L)
                .containsEntry("fsGroup", 1001L);
        assertThat(atMap(node, "securityContext")).containsEntry("allowPrivilegeEscalation", false);
        assertThat((Long) pod.get("terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(600L);

        Map<String, Object> claim = atMap(sts, "spec", "volumeClaimTemplates", 0);
        assertThat(at(claim, "metadata", "name")).isEqualTo("redis-enterprise-storage");
        assertThat(at(claim, "spec", "accessModes")).isEqualTo(List.of("ReadWriteOnce"));
        assertThat(at(claim, "spec", "storageClassName")).isEqualTo("redis-enterprise-ssd");
        assertThat(at(claim, "spec", "resources", "requests", "storage")).isEqualTo("100Gi");
    }

    @Test
    void disruptionBudgetLetsOneNodeGoAtATime() {
        Map<String, Object> pdb = only(TestStacks.gcp().statefulSet().plan(), "kubernetes:policy/v1:PodDisruptionBudget").inputs();
        assertThat(at(pdb, "spec")).isEqualTo(Map.of("maxUnavailable", 1L, "selector", Map.of("matchLabels", SELECTOR)));
    }

    @Test
    void headlessServiceResolvesPodsBeforeTheyAreReady() {
        PlannedResource svc = TestStacks.azure().statefulSet().plan().ofType("kubernetes:core/v1:Service").stream()
                .filter(s -> at(s.inputs(), "metadata", "name").equals("redis-enterprise")).findFirst().orElseThrow();
        assertThat(atMap(svc.inputs(), "spec")).containsEntry("clusterIP", "None")
                .containsEntry("publishNotReadyAddresses", true)
                .containsEntry("selector", SELECTOR);
    }

    @Test
    void statefulSetWaitsForTheNodePoolButNamespaceAndStorageClassDoNot() {
        Plan plan = TestStacks.aws().statefulSet().plan();
        assertThat(only(plan, STS).dependsOn()).contains(
                "aws:eks/nodeGroup:NodeGroup::redis-us-east-1a",
                "aws:eks/nodeGroup:NodeGroup::redis-us-east-1b",
                "aws:eks/nodeGroup:NodeGroup::redis-us-east-1c");
        assertThat(only(plan, "kubernetes:core/v1:Namespace").dependsOn()).noneMatch(d -> d.startsWith("aws:"));
        assertThat(only(plan, "kubernetes:storage.k8s.io/v1:StorageClass").dependsOn()).noneMatch(d -> d.startsWith("aws:"));
    }

    @Test
    void existingDevClusterRunsWithoutPinningOrZoneSpread() {
        Plan plan = TestStacks.kubernetes().statefulSet().set("redis", Map.of("nodes", 1, "antiAffinity", "preferred"))
                .set("nodePool", Map.of("dedicated", false)).plan();
        Map<String, Object> pod = podSpec(plan);
        assertThat(pod).doesNotContainKeys("nodeSelector", "tolerations", "topologySpreadConstraints");
        assertThat(atMap(pod, "affinity", "podAntiAffinity")).containsOnlyKeys("preferredDuringSchedulingIgnoredDuringExecution");
        assertThat(at(only(plan, STS).inputs(), "spec", "volumeClaimTemplates", 0, "spec", "storageClassName")).isEqualTo("standard");
    }

    @Test
    void existingClusterKeepsDedicatedPlacementByDefault() {
        Map<String, Object> pod = podSpec(TestStacks.kubernetes().statefulSet().plan());
        assertThat(pod).containsEntry("nodeSelector", Map.of("redis.io/node-pool", "redis"));
        assertThat(atMap(pod, "affinity", "podAntiAffinity")).containsOnlyKeys("requiredDuringSchedulingIgnoredDuringExecution");
    }
}
