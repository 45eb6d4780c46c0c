package io.redisenterprise.infra.redis.operator;

import static io.redisenterprise.infra.TestStacks.at;
import static io.redisenterprise.infra.TestStacks.atList;
import static io.redisenterprise.infra.TestStacks.atMap;
import static io.redisenterprise.infra.TestStacks.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.Plan;
import io.redisenterprise.infra.plan.PlanDocuments;
import io.redisenterprise.infra.plan.PlannedResource;
import io.redisenterprise.infra.settings.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Operator mode, the default: the pinned operator release and the RedisEnterpriseCluster as Kubernetes receives them. */
class OperatorDeploymentTest {
    static final String REC = "kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster";
    static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    static final String CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
    static final String CLUSTER_ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";
    static final String SECRET = "kubernetes:core/v1:Secret";
    static final Map<String, Object> POD_LABELS = Map.of(
            "app", "redis-enterprise", "redis.io/cluster", "redis-enterprise", "redis.io/role", "node");

    static Map<String, Object> spec(Plan plan) {
        return atMap(only(plan, REC).inputs(), "spec");
    }

    static PlannedResource pool(Plan plan) {
        return plan.resources().stream()
                .filter(r -> r.type().matches("aws:eks/nodeGroup:NodeGroup|gcp:container/nodePool:NodePool|azure-native:containerservice:AgentPool"))
                .findFirst().orElseThrow();
    }

    @Nested
    class Placement {
        @ParameterizedTest
        @ValueSource(strings = {"aws", "gcp", "azure"})
        void theClusterSelectsAndToleratesExactlyWhatTheNodePoolCarries(String cloud) {
            Plan plan = TestStacks.forCloud(cloud).plan();
            Map<String, Object> spec = spec(plan);
            Map<String, Object> in = pool(plan).inputs();
            Map<String, Object> poolLabels = switch (cloud) {
                case "aws" -> atMap(in, "labels");
                case "gcp" -> atMap(in, "nodeConfig", "labels");
                default -> atMap(in, "nodeLabels");
            };
            assertThat(spec.get("nodeSelector")).isEqualTo(poolLabels);
            String poolTaint = switch (cloud) {
                case "aws" -> at(in, "taints", 0, "key") + "=" + at(in, "taints", 0, "value") + ":NoSchedule";
                case "gcp" -> at(in, "nodeConfig", "taints", 0, "key") + "=" + at(in, "nodeConfig", "taints", 0, "value") + ":NoSchedule";
                default -> (String) at(in, "nodeTaints", 0);
            };
            Map<String, Object> toleration = atMap(spec, "podTolerations", 0);
            assertThat(toleration.get("key") + "=" + toleration.get("value") + ":" + toleration.get("effect")).isEqualTo(poolTaint);
            assertThat(toleration).containsEntry("operator", "Equal");
        }

        @ParameterizedTest
        @ValueSource(strings = {"aws", "gcp", "azure"})
        void oneRedisNodePerVmIsRequiredAndZonesArePreferred(String cloud) {
            Map<String, Object> affinity = atMap(spec(TestStacks.forCloud(cloud).plan()), "podAntiAffinity");
            assertThat(atList(affinity, "requiredDuringSchedulingIgnoredDuringExecution")).containsExactly(Map.of(
                    "labelSelector", Map.of("matchLabels", POD_LABELS), "topologyKey", "kubernetes.io/hostname"));
            assertThat(atList(affinity, "preferredDuringSchedulingIgnoredDuringExecution")).containsExactly(Map.of(
                    "weight", 100L, "podAffinityTerm", Map.of("labelSelector", Map.of("matchLabels", POD_LABELS),
                            "topologyKey", "topology.kubernetes.io/zone")));
        }

        @Test
        void aDevelopmentClusterMayShareNodes() {
            Plan plan = TestStacks.kubernetes().set("redis", Map.of("antiAffinity", "preferred"))
                    .set("nodePool", Map.of("dedicated", false)).plan();
            Map<String, Object> spec = spec(plan);
            assertThat(spec).doesNotContainKeys("nodeSelector", "podTolerations", "rackAwarenessNodeLabel");
            assertThat(atMap(spec, "podAntiAffinity")).containsOnlyKeys("preferredDuringSchedulingIgnoredDuringExecution");
            assertThat(at(spec, "persistentSpec", "storageClassName")).isEqualTo("standard");
        }

        /**
         * Zones on an existing cluster: the statefulset deployment pins its pods to them (required node affinity, a
         * zone spread with minDomains); the cluster is not given one through redisEnterpriseAdditionalPodSpecAttributes,
         * whose affinity the operator may override or replace (its CRD: "Pod attributes managed by the operator might
         * override these settings"), so the pool label confines the pods and the plan says so.
         */
        @Test
        void zonesOnAnExistingClusterAreNotPinnedByNodeAffinityAndThePlanSaysHowToConfineThePods() {
            Plan plan = TestStacks.kubernetes().with("nodePool", "zones", List.of("a", "b", "c")).plan();
            Map<String, Object> spec = spec(plan);
            assertThat(spec).doesNotContainKey("redisEnterpriseAdditionalPodSpecAttributes")
                    .containsEntry("nodeSelector", Map.of("redis.io/node-pool", "redis"))
                    .containsEntry("rackAwarenessNodeLabel", "topology.kubernetes.io/zone");
            assertThat(plan.settings().warnings()).contains("redis-enterprise:nodePool.zones: with redis.deployment"
                    + " operator the Redis Enterprise pods are not pinned to these zones by node affinity, as with"
                    + " statefulset: the RedisEnterpriseCluster has no field for one this program can rely on (README,"
                    + " `pulumi up` per cloud); label only nodes of a, b, c redis.io/node-pool=redis");
            assertThat(TestStacks.kubernetes().with("nodePool", "zones", List.of("a", "b")).with("nodePool", "dedicated", false)
                    .settings().warnings()).anySatisfy(w -> assertThat(w).startsWith("redis-enterprise:nodePool.zones:")
                    .endsWith("; with nodePool.dedicated false they may run on any node, in any zone"));
            // The statefulset deployment pins them, and has nothing to warn about.
            TestStacks.Config statefulSet = TestStacks.kubernetes().with("nodePool", "zones", List.of("a", "b", "c")).statefulSet();
            Map<String, Object> pod = atMap(only(statefulSet.plan(), "kubernetes:apps/v1:StatefulSet").inputs(), "spec", "template", "spec");
            assertThat(at(pod, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms", 0,
                    "matchExpressions", 0)).isEqualTo(Map.of("key", "topology.kubernetes.io/zone", "operator", "In",
                    "values", List.of("a", "b", "c")));
            assertThat(statefulSet.settings().warnings()).noneMatch(w -> w.startsWith("redis-enterprise:nodePool.zones:"));
            // The clouds' pools carry the zones: no warning there.
            assertThat(TestStacks.gcp().settings().warnings()).noneMatch(w -> w.startsWith("redis-enterprise:nodePool.zones:"));
        }

        @Test
        void anExistingClusterKeepsDedicatedPlacementByDefault() {
            Map<String, Object> spec = spec(TestStacks.kubernetes().plan());
            assertThat(spec).containsEntry("nodeSelector", Map.of("redis.io/node-pool", "redis"));
            assertThat(atMap(spec, "podAntiAffinity")).containsOnlyKeys("requiredDuringSchedulingIgnoredDuringExecution");
        }
    }

    @Nested
    class RackAwareness {
        @ParameterizedTest
        @ValueSource(strings = {"aws", "gcp", "azure"})
        void threeZonesMakeTheClusterRackAwareWithReadAccessToNodes(String cloud) {
            Plan plan = TestStacks.forCloud(cloud).plan();
            assertThat(spec(plan)).containsEntry("rackAwarenessNodeLabel", "topology.kubernetes.io/zone");
            Map<String, Object> role = only(plan, CLUSTER_ROLE).inputs();
            assertThat(role.get("rules")).isEqualTo(List.of(Map.of("apiGroups", List.of(""), "resources", List.of("nodes"),
                    "verbs", List.of("get", "list", "watch"))));
            Map<String, Object> binding = only(plan, CLUSTER_ROLE_BINDING).inputs();
            assertThat(binding.get("subjects")).isEqualTo(List.of(Map.of("kind", "ServiceAccount",
                    "name", "redis-enterprise-operator", "namespace", "redis-enterprise")));
            assertThat(at(binding, "roleRef", "name")).isEqualTo(at(role, "metadata", "name"))
                    .isEqualTo("redis-enterprise-rack-awareness-redis-enterprise");
            assertThat(only(plan, REC).dependsOn()).contains(CLUSTER_ROLE_BINDING + "::redis-enterprise-rack-awareness-binding");
        }

        @Test
        void oneZoneHasNoRackAwarenessAndNoNodeAccess() {
            Plan plan = TestStacks.gcp().with("nodePool", "zones", List.of("europe-west1-b"))
                    .with("nodePool", "nodesPerZone", 3).plan();
            assertThat(spec(plan)).doesNotContainKey("rackAwarenessNodeLabel");
            assertThat(plan.ofType(CLUSTER_ROLE)).isEmpty();
            assertThat(plan.ofType(CLUSTER_ROLE_BINDING)).isEmpty();
            assertThat(atMap(spec(plan), "podAntiAffinity")).containsOnlyKeys("requiredDuringSchedulingIgnoredDuringExecution");
        }

        @Test
        void anExistingClusterIsRackAwareFromTwoZonesOn() {
            assertThat(TestStacks.kubernetes().plan().ofType(CLUSTER_ROLE)).isEmpty();
            Plan twoZones = TestStacks.kubernetes().with("nodePool", "zones", List.of("a", "b")).plan();
            assertThat(spec(twoZones)).containsEntry("rackAwarenessNodeLabel", "topology.kubernetes.io/zone");
            assertThat(twoZones.ofType(CLUSTER_ROLE)).hasSize(1);
        }

        @Test
        void twoClustersInTwoNamespacesNeverShareTheClusterRole() {
            Plan other = TestStacks.aws().with("redis", "namespace", "redis-two").plan();
            assertThat(at(only(other, CLUSTER_ROLE).inputs(), "metadata", "name"))
                    .isEqualTo("redis-enterprise-rack-awareness-redis-two");
            assertThat(at(only(other, CLUSTER_ROLE_BINDING).inputs(), "subjects", 0, "namespace")).isEqualTo("redis-two");
        }
    }

    @Nested
    class SizingAndStorage {
        @ParameterizedTest
        @ValueSource(strings = {"aws", "gcp", "azure"})
        void everyContainerTheOperatorRunsHasRequestsEqualToLimitsFromSizing(String cloud) {
            Settings s = TestStacks.forCloud(cloud).settings();
            Map<String, Object> spec = spec(TestStacks.forCloud(cloud).plan());
            assertThat(at(spec, "redisEnterpriseNodeResources")).isEqualTo(Map.of(
                    "requests", Map.of("cpu", s.redis().cpu().text(), "memory", s.redis().memory().text()),
                    "limits", Map.of("cpu", s.redis().cpu().text(), "memory", s.redis().memory().text())));
            // The figures sizing left room for (NodeCompanions.OPERATOR), so every operator pod schedules.
            assertThat(at(spec, "bootstrapperResources", "requests")).isEqualTo(Map.of("cpu", "100m", "memory", "128Mi"));
            assertThat(at(spec, "redisEnterpriseServicesRiggerResources", "requests")).isEqualTo(Map.of("cpu", "500m", "memory", "512Mi"));
            assertThat(at(spec, "usageMeter", "callHomeClient", "resources", "requests")).isEqualTo(Map.of("cpu", "250m", "memory", "256Mi"));
            for (Object resources : List.of(at(spec, "bootstrapperResources"), at(spec, "redisEnterpriseServicesRiggerResources"),
                    at(spec, "usageMeter", "callHomeClient", "resources"))) {
                assertThat(atMap(resources).get("limits")).isEqualTo(atMap(resources).get("requests"));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"aws", "gcp", "azure"})
        void volumesUseTheClassThePlatformCreatesAndGrowThroughTheOperator(String cloud) {
            Plan plan = TestStacks.forCloud(cloud).with("redis", "volumeSize", "200Gi").plan();
            Map<String, Object> persistence = atMap(spec(plan), "persistentSpec");
            assertThat(persistence).containsEntry("enabled", true).containsEntry("volumeSize", "200Gi")
                    .containsEntry("enablePersistentVolumeResize", true)
                    .containsEntry("storageClassName", at(only(plan, "kubernetes:storage.k8s.io/v1:StorageClass").inputs(), "metadata", "name"));
            Settings s = TestStacks.forCloud(cloud).settings();
            assertThat(at(spec(TestStacks.forCloud(cloud).plan()), "persistentSpec", "volumeSize"))
                    .isEqualTo(s.redis().volumeSize().text());
        }

        @Test
        void anExistingClassIsNamedAsIs() {
            Plan plan = TestStacks.kubernetes().set("storage", Map.of("existingClassName", "fast-ssd")).plan();
            assertThat(at(spec(plan), "persistentSpec", "storageClassName")).isEqualTo("fast-ssd");
            assertThat(plan.ofType("kubernetes:storage.k8s.io/v1:StorageClass")).isEmpty();
        }

        @Test
        void theImageIsSplitAsTheClusterWantsIt() {
            assertThat(at(spec(TestStacks.gcp().plan()), "redisEnterpriseImageSpec")).isEqualTo(Map.of(
                    "repository", "redislabs/redis", "versionTag", "8.0.20-44.23", "imagePullPolicy", "IfNotPresent"));
            Plan mirrored = TestStacks.gcp().with("redis", "image", "registry.example.com:5000/redislabs/redis:8.0.20-44.23.minimal").plan();
            assertThat(at(spec(mirrored), "redisEnterpriseImageSpec", "repository")).isEqualTo("registry.example.com:5000/redislabs/redis");
            assertThat(at(spec(mirrored), "redisEnterpriseImageSpec", "versionTag")).isEqualTo("8.0.20-44.23.minimal");
        }
    }

    @Nested
    class OperatorRelease {
        @ParameterizedTest
        @ValueSource(strings = {"aws", "gcp", "azure", "kubernetes"})
        void theOfficialChartIsPinnedWithItsValues(String cloud) {
            Map<String, Object> release = only(TestStacks.forCloud(cloud).plan(), RELEASE).inputs();
            assertThat(release).containsEntry("chart", "redis-enterprise-operator")
                    .containsEntry("version", "8.0.20-23")
                    .containsEntry("name", "redis-enterprise-operator")
                    .containsEntry("namespace", "redis-enterprise")
                    .containsEntry("repositoryOpts", Map.of("repo", "https://helm.redis.io"))
                    .containsEntry("timeout", 600L)
                    .containsEntry("values", Map.of(
                            "admission", Map.of("limitToNamespace", true),
                            "cluster", Map.of("create", false),
                            "openshift", Map.of("mode", false, "scc", Map.of("install", false))));
            // The CRDs come from the chart's pre-install hook: hooks must run.
            assertThat(release).doesNotContainKeys("disableWebhooks", "skipCrds", "createNamespace");
        }

        @Test
        void theVersionIsTheOperatorVersion() {
            Plan plan = TestStacks.aws().set("operator", Map.of("version", "8.2.0-12"))
                    .with("redis", "image", "redislabs/redis:8.2.0-25.12").plan();
            assertThat(only(plan, RELEASE).inputs()).containsEntry("version", "8.2.0-12");
            assertThat(at(spec(plan), "redisEnterpriseImageSpec", "versionTag")).isEqualTo("8.2.0-25.12");
        }

        @Test
        void openShiftSwitchesTheChartsModeButInstallsNoSecurityContextConstraints() {
            Map<String, Object> release = only(TestStacks.kubernetes().set("operator", Map.of("openshift", true)).plan(), RELEASE).inputs();
            assertThat(at(release, "values", "openshift")).isEqualTo(Map.of("mode", true, "scc", Map.of("install", false)));
        }

        @Test
        void anOperatorAlreadyRunningThereIsUsedAndOnlyOurObjectsAreCreated() {
            Plan plan = TestStacks.aws().set("operator", Map.of("install", false)).plan();
            assertThat(plan.ofType(RELEASE)).isEmpty();
            assertThat(plan.ofType("kubernetes:core/v1:Namespace")).isEmpty();
            assertThat(only(plan, REC).dependsOn()).noneMatch(d -> d.startsWith(RELEASE));
            assertThat(plan.ofType(SECRET)).hasSize(1);
            assertThat(plan.ofType(CLUSTER_ROLE_BINDING)).hasSize(1);
        }
    }

    @Nested
    class Lifecycle {
        final Plan plan = TestStacks.aws().plan();

        /** destroy runs in reverse: the cluster goes while the operator still runs to clear its finalizers. */
        @Test
        void theClusterComesAfterTheOperatorAndItsInputsSoItIsDeletedFirst() {
            assertThat(only(plan, REC).dependsOn()).contains(
                    RELEASE + "::redis-enterprise-operator",
                    SECRET + "::redis-enterprise-admin-credentials",
                    "aws:eks/nodeGroup:NodeGroup::redis-us-east-1a",
                    "aws:eks/nodeGroup:NodeGroup::redis-us-east-1b",
                    "aws:eks/nodeGroup:NodeGroup::redis-us-east-1c");
            assertThat(only(plan, RELEASE).dependsOn()).containsExactly("kubernetes:core/v1:Namespace::redis-enterprise-namespace");
            assertThat(plan.resources()).filteredOn(r -> r.type().startsWith("kubernetes:") && !r.type().startsWith("kubernetes:storage"))
                    .allSatisfy(r -> assertThat(r.parent()).contains("redis-enterprise:index:OperatorDeployment::redis-enterprise"));
        }

        @Test
        void theClusterAndItsNamespaceAreProtectedLikeTheStatefulSet() {
            assertThat(only(plan, REC).isProtected()).isTrue();
            assertThat(only(plan, "kubernetes:core/v1:Namespace").isProtected()).isTrue();
            Plan unprotected = TestStacks.aws().with("redis", "protect", false).plan();
            assertThat(only(unprotected, REC).isProtected()).isFalse();
            assertThat(only(unprotected, "kubernetes:core/v1:Namespace").isProtected()).isFalse();
        }

        @Test
        void pulumiUpWaitsUntilTheOperatorReportsTheClusterRunning() {
            PlannedResource rec = only(plan, REC);
            assertThat(atMap(rec.inputs(), "metadata", "annotations")).containsEntry("pulumi.com/waitFor",
                    "[\"jsonpath={.status.state}=Running\", \"jsonpath={.status.specStatus}=Valid\"]");
            // create: 10 min + 5 per node joining; update: the operator's roll, 10 min + per node 15 to stop and 5 to
            // start and rejoin.
            assertThat(rec.options().get("customTimeouts")).isEqualTo(Map.of("create", "25m", "update", "70m", "delete", "10m"));
            Plan five = TestStacks.aws().with("redis", "nodes", 5).with("nodePool", "nodesPerZone", 2).plan();
            assertThat(only(five, REC).options().get("customTimeouts")).isEqualTo(Map.of("create", "35m", "update", "110m", "delete", "10m"));
            assertThat(spec(five)).containsEntry("nodes", 5L);
        }

        /**
         * The operator's pods keep its default grace period (a year): a Redis Enterprise pod is never killed before its
         * primaries have failed over; the update budget is what {@code up} waits, not a bound on the pod.
         */
        @Test
        void theClusterKeepsTheOperatorsGracePeriodAndTheUpdateBudgetCoversARoll() {
            assertThat(spec(plan)).doesNotContainKeys("redisEnterpriseTerminationGracePeriodSeconds",
                    "redisEnterpriseAdditionalPodSpecAttributes");
            assertThat(OperatorDeployment.timeouts(3).getUpdate()).contains(java.time.Duration.ofMinutes(10 + 3 * (15 + 5)));
            // Forming is budgeted once, for both deployments.
            assertThat(OperatorDeployment.timeouts(7).getCreate())
                    .contains(io.redisenterprise.infra.redis.ClusterTimeouts.formation(7));
        }

        /**
         * The annotation in the form pulumi-kubernetes parses (provider/pkg/metadata/overrides.go and
         * provider/pkg/jsonpath/jsonpath.go at v4.18.4 and v4.32.0): a JSON array of strings, each {@code jsonpath=}, a
         * braced path, one {@code =} and a value.
         */
        @Test
        void theWaitConditionsHaveTheFormTheProviderParses() throws Exception {
            String annotation = (String) atMap(only(plan, REC).inputs(), "metadata", "annotations").get("pulumi.com/waitFor");
            List<String> conditions = new com.fasterxml.jackson.databind.ObjectMapper().readValue(annotation,
                    new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
            assertThat(conditions).hasSize(2).allSatisfy(c -> {
                assertThat(c).startsWith("jsonpath=");
                String[] parts = c.substring("jsonpath=".length()).replace("==", "\u0000").split("=", -1);
                assertThat(parts).hasSize(2);
                assertThat(parts[0]).matches("\\{\\.status\\.[A-Za-z]+\\}");
                assertThat(parts[1]).matches("[A-Za-z]+");
            });
        }

        @Test
        void anAdmissionPolicyRefusesFewerNodesAnotherStorageClassAndSmallerVolumes() {
            Map<String, Object> policy = only(plan, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy").inputs();
            assertThat(at(policy, "metadata", "name")).isEqualTo("redis-enterprise-redis-enterprise-cluster-guard");
            assertThat(at(policy, "spec", "matchConstraints", "resourceRules", 0)).isEqualTo(Map.of(
                    "apiGroups", List.of("app.redislabs.com"), "apiVersions", List.of("v1"), "operations", List.of("UPDATE"),
                    "resources", List.of("redisenterpriseclusters"), "resourceNames", List.of("redis-enterprise")));
            List<Object> validations = atList(policy, "spec", "validations");
            assertThat(validations).extracting(v -> (String) atMap(v).get("expression"))
                    .anySatisfy(e -> assertThat(e).contains("object.spec.nodes >= oldObject.spec.nodes"))
                    .anySatisfy(e -> assertThat(e).contains("object.spec.persistentSpec.storageClassName == oldObject.spec.persistentSpec.storageClassName"))
                    .anySatisfy(e -> assertThat(e).contains("quantity(string(object.spec.persistentSpec.volumeSize))"
                            + ".compareTo(quantity(string(oldObject.spec.persistentSpec.volumeSize))) >= 0"));
            assertThat(validations).extracting(v -> (String) atMap(v).get("message"))
                    .allSatisfy(m -> assertThat(m).contains("README, Day-2 operations"));
            Map<String, Object> binding = only(plan, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding").inputs();
            assertThat(at(binding, "spec", "policyName")).isEqualTo(at(policy, "metadata", "name"));
            assertThat(at(binding, "spec", "validationActions")).isEqualTo(List.of("Deny"));
        }

        @Test
        void theNamespaceEnforcesBaselineAndWarnsAboutRestricted() {
            assertThat(atMap(only(plan, "kubernetes:core/v1:Namespace").inputs(), "metadata", "labels"))
                    .containsEntry("pod-security.kubernetes.io/enforce", "baseline")
                    .containsEntry("pod-security.kubernetes.io/warn", "restricted");
        }
    }

    @Nested
    class Credentials {
        final Plan plan = TestStacks.azure().secret("license", "----- LICENSE -----").plan();

        @Test
        void theClusterReadsItsAdminAndLicenceFromSecretsThatStaySecret() {
            Map<String, Object> spec = spec(plan);
            assertThat(spec).containsEntry("clusterCredentialSecretName", "redis-enterprise-admin")
                    .containsEntry("licenseSecretName", "redis-enterprise-license");
            PlannedResource admin = plan.ofType(SECRET).stream()
                    .filter(r -> at(r.inputs(), "metadata", "name").equals("redis-enterprise-admin")).findFirst().orElseThrow();
            assertThat(admin.secretInputs()).contains("stringData");
            assertThat(at(admin.inputs(), "stringData")).isEqualTo(Map.of("username", "[secret]", "password", "[secret]"));
            PlannedResource license = plan.ofType(SECRET).stream()
                    .filter(r -> at(r.inputs(), "metadata", "name").equals("redis-enterprise-license")).findFirst().orElseThrow();
            assertThat(at(license.inputs(), "stringData")).isEqualTo(Map.of("license", "[secret]"));
            assertThat(spec(TestStacks.azure().plan())).doesNotContainKey("licenseSecretName");
        }

        @Test
        void secretsNeverAppearInThePlanOrItsFiles() {
            String everything = plan.resources() + " " + plan.outputs() + PlanDocuments.manifestsYaml(plan)
                    + PlanDocuments.planJsonText(plan);
            assertThat(everything).doesNotContain("correct-horse-battery").doesNotContain("----- LICENSE -----");
        }
    }

    @Nested
    class Services {
        @Test
        void uiAndApiAreClusterIpByDefaultAndTheEndpointsAreTheOperatorsServices() {
            Plan plan = TestStacks.gcp().plan();
            Map<String, Object> spec = spec(plan);
            assertThat(spec).containsEntry("uiServiceType", "ClusterIP")
                    .containsEntry("services", Map.of("apiService", Map.of("type", "ClusterIP")));
            assertThat(plan.outputs())
                    .containsEntry("deployment", "operator")
                    .containsEntry("redisEnterpriseCluster", "redis-enterprise")
                    .containsEntry("uiEndpoint", "https://redis-enterprise-ui.redis-enterprise.svc.cluster.local:8443")
                    .containsEntry("apiEndpoint", "https://redis-enterprise.redis-enterprise.svc.cluster.local:9443")
                    .containsEntry("metricsEndpoint", "https://redis-enterprise-prom.redis-enterprise.svc.cluster.local:8070/v2");
        }

        @ParameterizedTest
        @CsvSource({
                "aws,service.beta.kubernetes.io/aws-load-balancer-scheme,internal,service.beta.kubernetes.io/load-balancer-source-ranges",
                "gcp,networking.gke.io/load-balancer-type,Internal,service.beta.kubernetes.io/load-balancer-source-ranges",
                "azure,service.beta.kubernetes.io/azure-load-balancer-internal,true,service.beta.kubernetes.io/azure-allowed-ip-ranges"})
        void loadBalancersArePrivateAndLimitedToTheAllowedRanges(String cloud, String internal, String value, String ranges) {
            Plan plan = TestStacks.forCloud(cloud).set("services", Map.of("type", "LoadBalancer",
                    "loadBalancerSourceRanges", List.of("10.0.0.0/8", "192.168.0.0/16"))).plan();
            Map<String, Object> spec = spec(plan);
            assertThat(spec).containsEntry("uiServiceType", "LoadBalancer");
            assertThat(at(spec, "services", "apiService", "type")).isEqualTo("LoadBalancer");
            assertThat(atMap(spec, "services", "servicesAnnotations")).containsEntry(internal, value)
                    .containsEntry(ranges, "10.0.0.0/8,192.168.0.0/16");
            Plan publicLb = TestStacks.forCloud(cloud).set("services", Map.of("type", "LoadBalancer",
                    "loadBalancerSourceRanges", List.of("203.0.113.0/24"), "internal", false)).plan();
            assertThat(atMap(spec(publicLb), "services", "servicesAnnotations")).containsOnlyKeys(ranges);
        }
    }
}
