package io.redisenterprise.infra.redis;

import static io.redisenterprise.infra.TestStacks.at;
import static io.redisenterprise.infra.TestStacks.atList;
import static io.redisenterprise.infra.TestStacks.atMap;
import static io.redisenterprise.infra.TestStacks.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.Plan;
import io.redisenterprise.infra.plan.PlannedResource;
import io.redisenterprise.infra.settings.InvalidConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The statefulset deployment (redis.deployment statefulset): cluster formation, credentials, services, RBAC, protection and day-2 rules. */
class RedisLayerTest {
    static final String STS = "kubernetes:apps/v1:StatefulSet";

    static Map<String, Object> container(Plan plan, String name) {
        return atList(only(plan, STS).inputs(), "spec", "template", "spec", "containers").stream()
                .map(c -> atMap(c)).filter(c -> c.get("name").equals(name)).findFirst().orElseThrow();
    }

    static String env(Map<String, Object> container, String name) {
        return atList(container, "env").stream().map(e -> atMap(e)).filter(e -> e.get("name").equals(name))
                .map(e -> String.valueOf(e.get("value"))).findFirst().orElseThrow(() -> new AssertionError("no env " + name));
    }

    static Optional<PlannedResource> named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> name.equals(at(r.inputs(), "metadata", "name"))).findFirst();
    }

    @Nested
    class Formation {
        final Plan plan = TestStacks.gcp().statefulSet().plan();

        @Test
        void everyPodRunsTheBootstrapSidecarFromAConfigMap() {
            Map<String, Object> bootstrap = container(plan, "bootstrap");
            assertThat(bootstrap.get("command")).isEqualTo(List.of("python3", "/opt/redis-enterprise-bootstrap/bootstrap.py", "run"));
            assertThat(env(bootstrap, "STATEFULSET_NAME")).isEqualTo("redis-enterprise");
            assertThat(env(bootstrap, "HEADLESS_SERVICE")).isEqualTo("redis-enterprise.redis-enterprise.svc.cluster.local");
            assertThat(env(bootstrap, "CLUSTER_FQDN")).isEqualTo("redis-enterprise.redis-enterprise.svc.cluster.local");
            Map<String, Object> configMap = only(plan, "kubernetes:core/v1:ConfigMap").inputs();
            assertThat((String) at(configMap, "data", "bootstrap.py")).isEqualTo(BootstrapScript.text())
                    .contains("\"action\": \"create_cluster\"").contains("/v1/bootstrap");
            assertThat(atMap(only(plan, STS).inputs(), "spec", "template", "metadata", "annotations"))
                    .containsEntry("redis.io/bootstrap-script-sha256", BootstrapScript.sha256());
        }

        @Test
        void theScriptsConfigMapIsNamedAfterItsContentAndImmutableUnderAStablePulumiName() {
            PlannedResource configMap = only(plan, "kubernetes:core/v1:ConfigMap");
            String name = "redis-enterprise-bootstrap-" + BootstrapScript.sha256().substring(0, 10);
            assertThat(at(configMap.inputs(), "metadata", "name")).isEqualTo(name);
            assertThat(configMap.inputs()).containsEntry("immutable", true);
            // A new script changes only the physical name: Pulumi creates the new ConfigMap, rolls the pods onto it
            // and deletes the old one last (create-before-delete); the resource itself keeps its name (no alias).
            assertThat(configMap.name()).isEqualTo("redis-enterprise-bootstrap");
            assertThat(configMap.options()).doesNotContainKey("deleteBeforeReplace");
            List<Object> volumes = atList(only(plan, STS).inputs(), "spec", "template", "spec", "volumes");
            assertThat(volumes).anySatisfy(v -> assertThat(at(v, "configMap", "name")).isEqualTo(name));
            assertThat(only(plan, STS).dependsOn()).contains("kubernetes:core/v1:ConfigMap::redis-enterprise-bootstrap");
            assertThat(BootstrapScript.configMapName("a".repeat(40))).hasSizeLessThanOrEqualTo(63);
        }

        @Test
        void readinessMeansTheNodeIsAnActiveMember() {
            Map<String, Object> probe = atMap(container(plan, "bootstrap"), "readinessProbe");
            assertThat(at(probe, "exec", "command")).isEqualTo(List.of("python3", "/opt/redis-enterprise-bootstrap/bootstrap.py", "ready"));
            assertThat(at(only(plan, STS).inputs(), "spec", "podManagementPolicy")).isEqualTo("Parallel");
        }

        @Test
        void sidecarIsGuaranteedQosToo() {
            Map<String, Object> resources = atMap(container(plan, "bootstrap"), "resources");
            assertThat(resources.get("requests")).isEqualTo(resources.get("limits"));
        }

        @Test
        void rackAwareWhenTheStackSpansZones() {
            assertThat(env(container(plan, "bootstrap"), "RACK_AWARE")).isEqualTo("true");
            Plan oneZone = TestStacks.gcp().statefulSet().with("nodePool", "zones", List.of("europe-west1-b"))
                    .with("nodePool", "nodesPerZone", 3).plan();
            assertThat(env(container(oneZone, "bootstrap"), "RACK_AWARE")).isEqualTo("false");
        }

        @Test
        void nodeNameComesFromTheDownwardApiForTheZoneLookup() {
            Map<String, Object> nodeName = atList(container(plan, "bootstrap"), "env").stream().map(e -> atMap(e))
                    .filter(e -> e.get("name").equals("NODE_NAME")).findFirst().orElseThrow();
            assertThat(at(nodeName, "valueFrom", "fieldRef", "fieldPath")).isEqualTo("spec.nodeName");
        }

        @Test
        void timeoutsCoverFormationAndARollingUpdateOfEveryPod() {
            // create: 10 min + 5 per node; update: 10 min + per node (15 min grace + 5 min start and join);
            // delete: the pods stop together within the grace period, + 10 min.
            assertThat(only(plan, STS).options().get("customTimeouts")).isEqualTo(Map.of("create", "25m", "update", "70m", "delete", "25m"));
            Plan five = TestStacks.gcp().statefulSet().with("redis", "nodes", 5).plan();
            assertThat(only(five, STS).options().get("customTimeouts")).isEqualTo(Map.of("create", "35m", "update", "110m", "delete", "25m"));
        }

        @Test
        void theTimeoutsFitTheGracePeriodTheyAreDerivedFrom() {
            for (int nodes : List.of(3, 5, 7)) {
                Plan p = TestStacks.aws().statefulSet().with("redis", "nodes", nodes).with("nodePool", "nodesPerZone", 3).plan();
                long graceMinutes = (Long) at(only(p, STS).inputs(), "spec", "template", "spec", "terminationGracePeriodSeconds") / 60;
                @SuppressWarnings("unchecked")
                Map<String, String> timeouts = (Map<String, String>) only(p, STS).options().get("customTimeouts");
                assertThat(minutes(timeouts.get("update"))).isGreaterThanOrEqualTo(nodes * (graceMinutes + 5));
                assertThat(minutes(timeouts.get("delete"))).isGreaterThan(graceMinutes);
            }
        }
    }

    static long minutes(String duration) {
        assertThat(duration).endsWith("m");
        return Long.parseLong(duration.substring(0, duration.length() - 1));
    }

    @Nested
    class NodeLifecycleInThePod {
        final Plan plan = TestStacks.gcp().statefulSet().plan();

        @Test
        void logsLiveOnThePersistentVolumeAsTheOperatorMountsThem() {
            assertThat(atList(container(plan, "redis-enterprise-node"), "volumeMounts")).contains(
                    Map.of("name", "redis-enterprise-storage", "mountPath", "/var/opt/redislabs/log", "subPath", "logs"),
                    Map.of("name", "redis-enterprise-storage", "mountPath", "/var/opt/redislabs/persist"));
        }

        @Test
        void ephemeralStorageIsLimitedToRedisEnterprisesGuidanceAndRequestedSoThePodAlwaysFits() {
            Plan sized = TestStacks.aws().statefulSet().with("redis", "cpu", "3").with("redis", "memory", "20Gi").plan();
            Map<String, Object> resources = atMap(container(sized, "redis-enterprise-node"), "resources");
            // Limit: RAM x 2, Redis Enterprise's minimum ephemeral storage, what the boot disk rule gives each VM.
            assertThat(atMap(resources, "limits")).isEqualTo(Map.of("cpu", "3", "memory", "20Gi", "ephemeral-storage", "40Gi"));
            // Request: half the memory, below what the kubelet leaves of the smallest boot disk the rule allows.
            assertThat(atMap(resources, "requests")).isEqualTo(Map.of("cpu", "3", "memory", "20Gi", "ephemeral-storage", "10Gi"));
            // QoS stays Guaranteed: only CPU and memory decide it, and they are equal.
            Map<String, Object> node = atMap(container(plan, "redis-enterprise-node"), "resources");
            assertThat(atMap(node, "limits")).containsEntry("ephemeral-storage", "51712Mi");
            assertThat(atMap(node, "requests")).containsEntry("ephemeral-storage", "12928Mi");
        }

        @Test
        void thePodDrainsItsNodeBeforeRedisEnterpriseIsToldToStop() {
            Map<String, Object> bootstrap = container(plan, "bootstrap");
            assertThat(at(bootstrap, "lifecycle", "preStop", "exec", "command"))
                    .isEqualTo(List.of("python3", "/opt/redis-enterprise-bootstrap/bootstrap.py", "drain"));
            assertThat(env(bootstrap, "DRAIN_TIMEOUT_SECONDS")).isEqualTo("600");
            assertThat(env(bootstrap, "LIFECYCLE_DIR")).isEqualTo("/var/run/redis-enterprise-lifecycle");
            assertThat(atList(bootstrap, "volumeMounts")).contains(
                    Map.of("name", "lifecycle", "mountPath", "/var/run/redis-enterprise-lifecycle"));
            // Kubernetes sends a container SIGTERM only after its own preStop hook: the node container waits for
            // the sidecar's "drained" file, a little longer than the drain may take.
            Map<String, Object> node = container(plan, "redis-enterprise-node");
            @SuppressWarnings("unchecked")
            List<String> wait = (List<String>) at(node, "lifecycle", "preStop", "exec", "command");
            assertThat(wait.subList(0, 2)).isEqualTo(List.of("/bin/sh", "-c"));
            assertThat(wait.get(2)).contains("/var/run/redis-enterprise-lifecycle/drained").contains("-lt 630");
            assertThat(atList(node, "volumeMounts")).contains(
                    Map.of("name", "lifecycle", "mountPath", "/var/run/redis-enterprise-lifecycle", "readOnly", true));
            assertThat(atList(only(plan, STS).inputs(), "spec", "template", "spec", "volumes")).contains(
                    Map.of("name", "lifecycle", "emptyDir", Map.of("sizeLimit", "1Mi")));
        }

        @Test
        void theGracePeriodHoldsTheDrainAndACleanShutdown() {
            long grace = (Long) at(only(plan, STS).inputs(), "spec", "template", "spec", "terminationGracePeriodSeconds");
            assertThat(grace).isEqualTo(900L);
            long drainWait = 630;
            assertThat(grace - drainWait).as("left for Redis Enterprise's own shutdown").isGreaterThanOrEqualTo(270);
            assertThat(Long.parseLong(env(container(plan, "bootstrap"), "DRAIN_TIMEOUT_SECONDS"))).isLessThan(drainWait);
        }
    }

    @Nested
    class AccessAndCredentials {
        final Plan plan = TestStacks.aws().statefulSet().plan();

        @Test
        void credentialsLiveInASecretThePodMounts() {
            PlannedResource secret = named(plan, "kubernetes:core/v1:Secret", "redis-enterprise-admin").orElseThrow();
            assertThat(secret.secretInputs()).contains("stringData");
            assertThat(at(secret.inputs(), "stringData")).isEqualTo(Map.of("username", "[secret]", "password", "[secret]"));
            List<Object> volumes = atList(only(plan, STS).inputs(), "spec", "template", "spec", "volumes");
            assertThat(volumes).anySatisfy(v -> assertThat(at(v, "secret", "secretName")).isEqualTo("redis-enterprise-admin"));
        }

        @Test
        void thePasswordNeverAppearsInThePlan() {
            String everything = plan.resources().toString() + plan.outputs();
            assertThat(everything).doesNotContain("correct-horse-battery");
        }

        @Test
        void licenseIsAnOptionalSecret() {
            assertThat(named(plan, "kubernetes:core/v1:Secret", "redis-enterprise-license")).isEmpty();
            Plan licensed = TestStacks.aws().statefulSet().secret("license", "----- LICENSE -----").plan();
            assertThat(named(licensed, "kubernetes:core/v1:Secret", "redis-enterprise-license")).isPresent();
            assertThat(atList(container(licensed, "bootstrap"), "volumeMounts"))
                    .anySatisfy(m -> assertThat(at(m, "mountPath")).isEqualTo("/etc/redis-enterprise/license"));
        }

        @Test
        void missingOrPlaintextPasswordIsRefusedAtPulumiUp() {
            var missing = catchThrowableOfType(InvalidConfigException.class, () -> TestStacks.aws().statefulSet().remove("adminPassword").settings());
            assertThat(missing.lines()).containsExactly(
                    "redis-enterprise:adminPassword: required, as a secret: pulumi config set --secret redis-enterprise:adminPassword <password>, got nothing");
            var plain = catchThrowableOfType(InvalidConfigException.class, () -> TestStacks.aws().statefulSet().set("adminPassword", "hunter2hunter2").settings());
            assertThat(plain.lines()).containsExactly(
                    "redis-enterprise:adminPassword: must be a secret: pulumi config set --secret redis-enterprise:adminPassword <password>, got a plaintext value");
            var shortOne = catchThrowableOfType(InvalidConfigException.class, () -> TestStacks.aws().statefulSet().secret("adminPassword", "abc").settings());
            assertThat(shortOne.lines()).containsExactly("redis-enterprise:adminPassword: must be at least 8 characters, got [secret]");
        }

        @Test
        void usernameMustBeAnEmail() {
            var e = catchThrowableOfType(InvalidConfigException.class, () -> TestStacks.aws().statefulSet().set("adminUsername", "admin").settings());
            assertThat(e.lines()).containsExactly(
                    "redis-enterprise:adminUsername: must be an email address (Redis Enterprise logs in with one), got \"admin\"");
        }

        @Test
        void onlyTheSidecarGetsAnApiTokenAndItMayOnlyReadNodes() {
            Map<String, Object> pod = atMap(only(plan, STS).inputs(), "spec", "template", "spec");
            assertThat(pod).containsEntry("automountServiceAccountToken", false).containsEntry("serviceAccountName", "redis-enterprise");
            assertThat(atList(container(plan, "bootstrap"), "volumeMounts"))
                    .anySatisfy(m -> assertThat(at(m, "mountPath")).isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount"));
            assertThat(atList(container(plan, "redis-enterprise-node"), "volumeMounts"))
                    .noneSatisfy(m -> assertThat(at(m, "mountPath")).isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount"));
            Map<String, Object> role = only(plan, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole").inputs();
            assertThat(role.get("rules")).isEqualTo(List.of(Map.of("apiGroups", List.of(""), "resources", List.of("nodes"),
                    "verbs", List.of("get"))));
            Map<String, Object> binding = only(plan, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding").inputs();
            assertThat(binding.get("subjects")).isEqualTo(List.of(Map.of("kind", "ServiceAccount", "name", "redis-enterprise",
                    "namespace", "redis-enterprise")));
            assertThat(at(binding, "roleRef", "name")).isEqualTo(at(role, "metadata", "name"));
        }
    }

    @Nested
    class Services {
        @Test
        void uiAndApiAreClusterIpByDefaultAndMetricsAreScrapeable() {
            Plan plan = TestStacks.azure().statefulSet().plan();
            for (String name : List.of("redis-enterprise-ui", "redis-enterprise-api")) {
                Map<String, Object> svc = named(plan, "kubernetes:core/v1:Service", name).orElseThrow().inputs();
                assertThat(at(svc, "spec", "type")).isEqualTo("ClusterIP");
            }
            assertThat(at(named(plan, "kubernetes:core/v1:Service", "redis-enterprise-ui").orElseThrow().inputs(),
                    "spec", "ports", 0, "port")).isEqualTo(8443L);
            assertThat(at(named(plan, "kubernetes:core/v1:Service", "redis-enterprise-api").orElseThrow().inputs(),
                    "spec", "ports", 0, "port")).isEqualTo(9443L);
            Map<String, Object> metrics = named(plan, "kubernetes:core/v1:Service", "redis-enterprise-metrics").orElseThrow().inputs();
            assertThat(at(metrics, "spec", "ports", 0, "port")).isEqualTo(8070L);
            assertThat(atMap(metrics, "metadata", "annotations")).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", "8070").containsEntry("prometheus.io/scheme", "https");
            assertThat(plan.outputs()).containsEntry("uiEndpoint", "https://redis-enterprise-ui.redis-enterprise.svc.cluster.local:8443")
                    .containsEntry("apiEndpoint", "https://redis-enterprise-api.redis-enterprise.svc.cluster.local:9443");
        }

        @ParameterizedTest
        @CsvSource({
                "aws,service.beta.kubernetes.io/aws-load-balancer-scheme,internal",
                "gcp,networking.gke.io/load-balancer-type,Internal",
                "azure,service.beta.kubernetes.io/azure-load-balancer-internal,true"})
        void loadBalancersArePrivateAndLimitedToTheAllowedRanges(String cloud, String annotation, String value) {
            Plan plan = TestStacks.forCloud(cloud).statefulSet().set("services", Map.of("type", "LoadBalancer",
                    "loadBalancerSourceRanges", List.of("10.0.0.0/8"))).plan();
            Map<String, Object> ui = named(plan, "kubernetes:core/v1:Service", "redis-enterprise-ui").orElseThrow().inputs();
            assertThat(at(ui, "spec", "type")).isEqualTo("LoadBalancer");
            assertThat(at(ui, "spec", "loadBalancerSourceRanges")).isEqualTo(List.of("10.0.0.0/8"));
            assertThat(atMap(ui, "metadata", "annotations")).containsEntry(annotation, value);
            Map<String, Object> metrics = named(plan, "kubernetes:core/v1:Service", "redis-enterprise-metrics").orElseThrow().inputs();
            assertThat(at(metrics, "spec", "type")).isEqualTo("ClusterIP");
        }

        /**
         * The provider awaits a selecting Service until its pods are Ready, for 10 minutes by default; on a new
         * stack the pods come only after node pools, volumes and formation, so these Services come after the
         * StatefulSet (whose own await covers all that) and keep their await (a load balancer is still checked).
         */
        @ParameterizedTest
        @CsvSource({"aws,ClusterIP", "gcp,ClusterIP", "azure,LoadBalancer", "kubernetes,ClusterIP"})
        void servicesSelectingTheRedisPodsAreCreatedAfterTheStatefulSet(String cloud, String type) {
            var config = TestStacks.forCloud(cloud).statefulSet();
            if (type.equals("LoadBalancer")) {
                config.set("services", Map.of("type", type, "loadBalancerSourceRanges", List.of("10.0.0.0/8")));
            }
            Plan plan = config.plan();
            String statefulSet = STS + "::redis-enterprise";
            for (String name : List.of("redis-enterprise-ui", "redis-enterprise-api", "redis-enterprise-metrics")) {
                PlannedResource svc = named(plan, "kubernetes:core/v1:Service", name).orElseThrow();
                assertThat(svc.dependsOn()).as(name).contains(statefulSet, "kubernetes:core/v1:Namespace::redis-enterprise-namespace");
                assertThat(atMap(svc.inputs(), "metadata").getOrDefault("annotations", Map.of()).toString()).as(name)
                        .doesNotContain("pulumi.com/skipAwait");
            }
            // The headless Service is what the pods resolve each other by: it comes before the StatefulSet.
            assertThat(only(plan, STS).dependsOn()).contains("kubernetes:core/v1:Service::redis-enterprise-headless");
            assertThat(named(plan, "kubernetes:core/v1:Service", "redis-enterprise").orElseThrow().dependsOn())
                    .doesNotContain(statefulSet);
        }

        @Test
        void loadBalancerNeedsSourceRanges() {
            var e = catchThrowableOfType(InvalidConfigException.class,
                    () -> TestStacks.aws().statefulSet().set("services", Map.of("type", "LoadBalancer")).settings());
            assertThat(e.lines()).containsExactly(
                    "redis-enterprise:services.loadBalancerSourceRanges: required with services.type LoadBalancer: the CIDRs allowed to reach the admin UI and REST API, got nothing");
            var bad = catchThrowableOfType(InvalidConfigException.class,
                    () -> TestStacks.aws().statefulSet().set("services", Map.of("type", "NodePort")).settings());
            assertThat(bad.lines()).containsExactly("redis-enterprise:services.type: must be ClusterIP or LoadBalancer, got \"NodePort\"");
        }
    }

    @Nested
    class DayTwo {
        @Test
        void statefulResourcesAreProtectedByDefault() {
            Plan plan = TestStacks.aws().statefulSet().plan();
            assertThat(only(plan, STS).isProtected()).isTrue();
            assertThat(only(plan, "kubernetes:core/v1:Namespace").isProtected()).isTrue();
            Plan unprotected = TestStacks.aws().statefulSet().with("redis", "protect", false).plan();
            assertThat(only(unprotected, STS).isProtected()).isFalse();
        }

        @Test
        void volumesGrowThroughClaimPatchesAndAreNeverDeletedWithThem() {
            Plan plan = TestStacks.aws().statefulSet().with("redis", "volumeSize", "200Gi").plan();
            List<PlannedResource> patches = plan.ofType("kubernetes:core/v1:PersistentVolumeClaimPatch");
            assertThat(patches).extracting(p -> at(p.inputs(), "metadata", "name")).containsExactlyInAnyOrder(
                    "redis-enterprise-storage-redis-enterprise-0", "redis-enterprise-storage-redis-enterprise-1",
                    "redis-enterprise-storage-redis-enterprise-2");
            assertThat(patches).allSatisfy(p -> {
                assertThat(at(p.inputs(), "spec", "resources", "requests", "storage")).isEqualTo("200Gi");
                assertThat(p.isRetainedOnDelete()).isTrue();
            });
            assertThat(only(plan, STS).options().get("ignoreChanges")).isEqualTo(List.of("spec.volumeClaimTemplates"));
        }

        @Test
        void theClaimsArePatchedBeforeTheWorkloadSoARefusedSizeStopsUpBeforeAnyPodRolls() {
            Plan plan = TestStacks.aws().statefulSet().with("redis", "volumeSize", "200Gi").plan();
            List<PlannedResource> patches = plan.ofType("kubernetes:core/v1:PersistentVolumeClaimPatch");
            assertThat(only(plan, STS).dependsOn()).containsAll(patches.stream()
                    .map(p -> "kubernetes:core/v1:PersistentVolumeClaimPatch::" + p.name()).toList());
            assertThat(patches).allSatisfy(p -> assertThat(p.dependsOn()).noneMatch(d -> d.contains("StatefulSet")));
        }

        @Test
        void eachPatchIsTheWholeClaimTheStatefulSetWouldCreateSoANewStackGetsValidClaims() {
            Plan plan = TestStacks.gcp().statefulSet().with("redis", "nodes", 5).plan();
            Map<String, Object> template = atMap(only(plan, STS).inputs(), "spec", "volumeClaimTemplates", 0);
            Map<String, Object> selector = atMap(only(plan, STS).inputs(), "spec", "selector", "matchLabels");
            List<PlannedResource> patches = plan.ofType("kubernetes:core/v1:PersistentVolumeClaimPatch");
            assertThat(patches).hasSize(5);
            assertThat(patches).allSatisfy(p -> {
                Map<String, Object> claim = p.inputs();
                assertThat(at(claim, "spec", "accessModes")).isEqualTo(at(template, "spec", "accessModes"));
                assertThat(at(claim, "spec", "storageClassName")).isEqualTo(at(template, "spec", "storageClassName"));
                assertThat(at(claim, "spec", "resources")).isEqualTo(at(template, "spec", "resources"));
                // The controller labels its claims with the template's labels plus the selector's.
                assertThat(atMap(claim, "metadata", "labels")).containsAllEntriesOf(atMap(template, "metadata", "labels"))
                        .containsAllEntriesOf(selector);
                // A created claim stays Pending until its pod binds it: the provider must not wait for Bound.
                assertThat(atMap(claim, "metadata", "annotations")).containsEntry("pulumi.com/skipAwait", "true")
                        .containsEntry("pulumi.com/patchForce", "true");
                assertThat(at(claim, "metadata", "namespace")).isEqualTo("redis-enterprise");
            });
            assertThat(patches).extracting(p -> at(p.inputs(), "metadata", "name"))
                    .contains("redis-enterprise-storage-redis-enterprise-4");
        }

        @Test
        void aVolumeSizeDerivedFromMemoryIsWarnedAbout() {
            assertThat(TestStacks.aws().statefulSet().settings().warnings()).containsExactly(
                    "redis-enterprise:redis.volumeSize: not set, so derived as 5 x redis.memory (28Gi) = 140Gi; a later"
                            + " change of redis.memory or nodePool.machineType resizes every node's volume (larger grows"
                            + " the disks, smaller is refused before any pod rolls): set redis.volumeSize to keep it");
            assertThat(TestStacks.kubernetes().statefulSet().settings().warnings()).singleElement().asString()
                    .contains("derived as 5 x redis.memory (4Gi) = 20Gi; a later change of redis.memory resizes");
            assertThat(TestStacks.aws().statefulSet().with("redis", "volumeSize", "140Gi").settings().warnings()).isEmpty();
        }

        @Test
        void scaleDownIsRefusedByAnAdmissionPolicyUnlessConfirmed() {
            Plan plan = TestStacks.aws().statefulSet().plan();
            Map<String, Object> policy = only(plan, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy").inputs();
            assertThat((String) at(policy, "spec", "validations", 0, "expression"))
                    .contains("object.spec.replicas >= oldObject.spec.replicas")
                    .contains("redis.io/confirm-scale-down");
            assertThat(at(policy, "spec", "matchConstraints", "resourceRules", 0, "resources"))
                    .isEqualTo(List.of("statefulsets", "statefulsets/scale"));
            Map<String, Object> binding = only(plan, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding").inputs();
            assertThat(at(binding, "spec", "policyName")).isEqualTo(at(policy, "metadata", "name"));
            assertThat(at(binding, "spec", "validationActions")).isEqualTo(List.of("Deny"));
            assertThat(atMap(only(plan, STS).inputs(), "metadata")).doesNotContainKey("annotations");

            Plan confirmed = TestStacks.aws().statefulSet().with("redis", "nodes", 3).with("redis", "confirmScaleDown", 3).plan();
            assertThat(atMap(only(confirmed, STS).inputs(), "metadata", "annotations"))
                    .containsEntry("redis.io/confirm-scale-down", "3");
        }

        @Test
        void confirmationMustNameTheNewSize() {
            var e = catchThrowableOfType(InvalidConfigException.class,
                    () -> TestStacks.aws().statefulSet().with("redis", "nodes", 5).with("nodePool", "nodesPerZone", 2)
                            .with("redis", "confirmScaleDown", 3).settings());
            assertThat(e.lines()).containsExactly(
                    "redis-enterprise:redis.confirmScaleDown: must equal redis.nodes (5) to confirm a scale-down to that size; remove it once the scale-down is done, got 3");
        }

        @Test
        void growingNodesAddsPodsThatJoinAndPoolCapacity() {
            Plan plan = TestStacks.gcp().statefulSet().with("redis", "nodes", 5).plan();
            assertThat(at(only(plan, STS).inputs(), "spec", "replicas")).isEqualTo(5L);
            // One pool per zone, each with its share: 2 + 2 + 1 VMs for 5 nodes.
            assertThat(plan.ofType("gcp:container/nodePool:NodePool")).extracting(p -> p.inputs().get("nodeCount"))
                    .containsExactly(2L, 2L, 1L);
        }

        @Test
        void upgradesRollOnePodAtATime() {
            Plan plan = TestStacks.azure().statefulSet().plan();
            assertThat(at(only(plan, STS).inputs(), "spec", "updateStrategy"))
                    .isEqualTo(Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("partition", 0L)));
            assertThat(at(only(plan, "kubernetes:policy/v1:PodDisruptionBudget").inputs(), "spec", "maxUnavailable")).isEqualTo(1L);
            assertThat(plan.ofType("azure-native:containerservice:AgentPool"))
                    .allSatisfy(p -> assertThat(at(p.inputs(), "upgradeSettings", "maxSurge")).isEqualTo("1"));
        }
    }
}
