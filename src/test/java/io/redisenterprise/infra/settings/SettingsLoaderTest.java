package io.redisenterprise.infra.settings;

import static io.redisenterprise.infra.TestStacks.aws;
import static io.redisenterprise.infra.TestStacks.azure;
import static io.redisenterprise.infra.TestStacks.gcp;
import static io.redisenterprise.infra.TestStacks.kubernetes;
import static io.redisenterprise.infra.TestStacks.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every configuration rule, asserted by the exact one-line message a user sees. */
class SettingsLoaderTest {


    @Nested
    class Defaults {
        @Test
        void awsStackGetsSecureProductionDefaults() {
            Settings s = aws().settings();
            assertThat(s.cloud()).isEqualTo(Cloud.AWS);
            assertThat(s.cluster()).isEqualTo(new ClusterTarget.Eks("prod-eks", "us-east-1"));
            assertThat(s.redis().nodes()).isEqualTo(3);
            assertThat(s.redis().antiAffinity()).isEqualTo(AntiAffinity.REQUIRED);
            assertThat(s.redis().image()).isEqualTo("redislabs/redis:8.0.20-44.23").doesNotEndWith(":latest");
            assertThat(s.deployment().mode()).isEqualTo(DeploymentMode.OPERATOR);
            assertThat(s.deployment().operator().version()).isEqualTo("8.0.20-23");
            assertThat(s.deployment().operator().install()).isTrue();
            assertThat(s.nodePool().name()).isEqualTo("redis");
            assertThat(s.nodePool().machineType()).isEqualTo("r6i.xlarge");
            assertThat(s.nodePool().nodesPerZone()).isEmpty();
            assertThat(s.nodePool().sparePerZone()).isZero();
            assertThat(s.nodePool().dedicated()).isTrue();
            assertThat(s.storage().diskType()).isEqualTo("gp3");
            assertThat(s.storage().installCsiDriver()).isFalse();
            assertThat(s.storage().csiDriverVersion()).isEmpty();
        }

        @Test
        void volumeDefaultsToFiveTimesMemory() {
            Settings s = aws().with("redis", "memory", "10Gi").settings();
            assertThat(s.redis().volumeSize().text()).isEqualTo("50Gi");
        }

        @Test
        void gkeLocationFallsBackToProviderRegionThenZone() {
            assertThat(((ClusterTarget.Gke) gcp().settings().cluster()).location()).isEqualTo("europe-west1");
            var zonal = gcp().remove("gcp:region").set("gcp:zone", "europe-west1-b");
            assertThat(((ClusterTarget.Gke) zonal.settings().cluster()).location()).isEqualTo("europe-west1-b");
            var explicit = gcp().with("cluster", "location", "europe-west4")
                    .with("nodePool", "zones", List.of("europe-west4-a", "europe-west4-b", "europe-west4-c"));
            assertThat(((ClusterTarget.Gke) explicit.settings().cluster()).location()).isEqualTo("europe-west4");
        }

        @Test
        void azureDefaultsToThreeZones() {
            Settings s = azure().settings();
            assertThat(s.nodePool().zones()).containsExactly("1", "2", "3");
            assertThat(s.storage().diskType()).isEqualTo("Premium_LRS");
            assertThat(s.nodePool().machineType()).isEqualTo("Standard_E4s_v5");
        }

        @Test
        void objectsArriveAsJsonTextFromPulumi() {
            // pulumi up hands object-valued keys to the program as JSON text.
            Settings s = aws().set("redis", "{\"nodes\": 5, \"memory\": \"16Gi\"}").settings();
            assertThat(s.redis().nodes()).isEqualTo(5);
            assertThat(s.redis().memory().text()).isEqualTo("16Gi");
            assertThat(s.nodePool().zones()).hasSize(3);
        }

        @Test
        void singleNodeIsAllowedOnExistingClusters() {
            Settings s = kubernetes().set("redis", Map.of("nodes", 1, "antiAffinity", "preferred")).statefulSet().settings();
            assertThat(s.redis().nodes()).isEqualTo(1);
            assertThat(s.redis().antiAffinity()).isEqualTo(AntiAffinity.PREFERRED);
        }
    }

    @Nested
    class Rules {
        @Test
        void cloudIsRequired() {
            assertThat(problems(new TestStacks.Config()))
                    .containsExactly("redis-enterprise:cloud: required, one of aws, gcp, azure, kubernetes, got nothing");
        }

        @Test
        void cloudMustBeKnown() {
            assertThat(problems(aws().set("cloud", "openstack")))
                    .containsExactly("redis-enterprise:cloud: must be one of aws, gcp, azure, kubernetes, got \"openstack\"");
        }

        @Test
        void awsNeedsClusterNameAndRegion() {
            assertThat(problems(aws().remove("cluster").remove("aws:region"))).containsExactlyInAnyOrder(
                    "redis-enterprise:cluster.name: required: the name of the existing EKS cluster, got nothing",
                    "aws:region: required when cloud is aws (pulumi config set aws:region us-east-1), got nothing");
        }

        @Test
        void gcpNeedsProjectAndLocation() {
            assertThat(problems(gcp().remove("gcp:project").remove("gcp:region"))).containsExactlyInAnyOrder(
                    "gcp:project: required when cloud is gcp (pulumi config set gcp:project my-project), got nothing",
                    "redis-enterprise:cluster.location: required when cloud is gcp (the GKE cluster's region or zone), or set gcp:region / gcp:zone, got nothing");
        }

        @Test
        void azureNeedsResourceGroup() {
            assertThat(problems(azure().set("cluster", Map.of("name", "aks")))).containsExactly(
                    "redis-enterprise:cluster.resourceGroup: required when cloud is azure (the AKS cluster's resource group), got nothing");
        }

        @ParameterizedTest
        @ValueSource(ints = {2, 4})
        void nodesMustBeOddAndAtLeastThree(int nodes) {
            assertThat(problems(aws().with("redis", "nodes", nodes))).containsExactly(
                    "redis-enterprise:redis.nodes: must be odd and at least 3, so the cluster keeps a quorum (1 is allowed only when cloud is kubernetes), got " + nodes);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 0})
        void nodesBelowOneBreakTheSchema(int nodes) {
            assertThat(problems(aws().with("redis", "nodes", nodes))).containsExactly(
                    "redis-enterprise:redis.nodes: must be at least 1, got " + nodes);
        }

        @Test
        void singleNodeIsRefusedOnClouds() {
            assertThat(problems(gcp().with("redis", "nodes", 1))).containsExactly(
                    "redis-enterprise:redis.nodes: must be odd and at least 3, so the cluster keeps a quorum (1 is allowed only when cloud is kubernetes), got 1");
        }

        @Test
        void evenNodesAreRefusedOnExistingClustersToo() {
            assertThat(problems(kubernetes().with("redis", "nodes", 2))).containsExactly(
                    "redis-enterprise:redis.nodes: must be odd and at least 3 (or 1 for a development cluster), so the cluster keeps a quorum, got 2");
        }

        @Test
        void nodesMustBeWholeNumber() {
            assertThat(problems(aws().with("redis", "nodes", "three")))
                    .containsExactly("redis-enterprise:redis.nodes: must be a whole number, got \"three\"");
        }

        @Test
        void quantitiesMustParse() {
            assertThat(problems(aws().with("redis", "memory", "4GB"))).containsExactly(
                    "redis-enterprise:redis.memory: must be a Kubernetes quantity such as 4Gi or 500m, got \"4GB\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-2", "0Gi"})
        void quantitiesMustBePositive(String cpu) {
            assertThat(problems(aws().with("redis", "cpu", cpu)))
                    .containsExactly("redis-enterprise:redis.cpu: must be positive, got \"" + cpu + "\"");
        }

        @Test
        void volumeMustHoldThreeTimesMemory() {
            assertThat(problems(aws().with("redis", "memory", "8Gi").with("redis", "volumeSize", "20Gi"))).containsExactly(
                    "redis-enterprise:redis.volumeSize: must be at least 3 x redis.memory (8Gi), Redis Enterprise's persistence guidance; 5 x is the default, got \"20Gi\"");
            assertThat(aws().with("redis", "memory", "8Gi").with("redis", "volumeSize", "24Gi").settings()
                    .redis().volumeSize().text()).isEqualTo("24Gi");
        }

        @Test
        void zonesAreRequiredOnAwsAndGcp() {
            assertThat(problems(gcp().with("nodePool", "zones", null))).containsExactly(
                    "redis-enterprise:nodePool.zones: required when cloud is gcp: a non-empty list of zones for the pool (e.g. [europe-west1-b, europe-west1-c, europe-west1-d]), got nothing");
            assertThat(problems(gcp().with("nodePool", "zones", List.of()))).containsExactly(
                    "redis-enterprise:nodePool.zones: must not be empty, got []");
        }

        @Test
        void zonesMustBeDistinct() {
            assertThat(problems(gcp().with("nodePool", "zones", List.of("europe-west1-b", "europe-west1-b", "europe-west1-c"))))
                    .containsExactly("redis-enterprise:nodePool.zones: must not list the same value twice, got [\"europe-west1-b\",\"europe-west1-b\",\"europe-west1-c\"]");
        }

        @Test
        void poolMustHoldOneVmPerRedisNode() {
            assertThat(problems(gcp().with("redis", "nodes", 5).with("nodePool", "nodesPerZone", 1))).containsExactly(
                    "redis-enterprise:nodePool.nodesPerZone: nodesPerZone x zones (1 x 3) must be at least redis.nodes (5): one Redis Enterprise node per VM, got 1");
        }

        @Test
        void awsNeedsOneSubnetPerZone() {
            assertThat(problems(aws().with("nodePool", "subnetIds", List.of("subnet-0a1b2c3d4e5f60001")))).containsExactly(
                    "redis-enterprise:nodePool.subnetIds: must list exactly one subnet per zone (3 zones: [\"us-east-1a\",\"us-east-1b\",\"us-east-1c\"]), got [\"subnet-0a1b2c3d4e5f60001\"]");
        }

        @Test
        void nodeRoleArnMustBeAnIamRole() {
            assertThat(problems(aws().with("nodePool", "nodeRoleArn", "my-role"))).containsExactly(
                    "redis-enterprise:nodePool.nodeRoleArn: must be an IAM role ARN such as arn:aws:iam::123456789012:role/eks-node, got \"my-role\"");
        }

        @Test
        void diskTypeMustSuitTheCloud() {
            assertThat(problems(gcp().with("storage", "diskType", "gp3"))).containsExactly(
                    "redis-enterprise:storage.diskType: must be one of pd-ssd, pd-balanced, hyperdisk-balanced on gcp, got \"gp3\"");
            assertThat(problems(azure().with("storage", "diskType", "Standard_LRS"))).containsExactly(
                    "redis-enterprise:storage.diskType: must be one of gp3, io2, pd-ssd, pd-balanced, hyperdisk-balanced, Premium_LRS, Premium_ZRS, PremiumV2_LRS, got \"Standard_LRS\"");
            assertThat(problems(azure().with("storage", "diskType", "gp3"))).containsExactly(
                    "redis-enterprise:storage.diskType: must be one of Premium_LRS, Premium_ZRS, PremiumV2_LRS on azure, got \"gp3\"");
        }

        @Test
        void provisionedPerformanceOnlyWhereTheDiskTakesIt() {
            assertThat(problems(gcp().with("storage", "iops", 5000))).containsExactly(
                    "redis-enterprise:storage.iops: cannot be set for disk type pd-ssd (its performance follows its size), got 5000");
            assertThat(problems(aws().with("storage", "iops", 90000))).containsExactly(
                    "redis-enterprise:storage.iops: must be between 3000 and 80000 for disk type gp3, got 90000");
            assertThat(problems(aws().with("storage", "diskType", "io2"))).containsExactly(
                    "redis-enterprise:storage.iops: required for disk type io2 (provisioned IOPS, 100 to 256000), got nothing");
        }

        @Test
        void encryptionKeyMustBeTheCloudsKeyReference() {
            assertThat(problems(aws().with("storage", "encryptionKey", "alias/x"))).containsExactly(
                    "redis-enterprise:storage.encryptionKey: must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>), got \"alias/x\"");
        }

        @Test
        void namesMustBeDnsLabels() {
            assertThat(problems(aws().with("redis", "namespace", "Redis_NS").with("nodePool", "name", "Redis Pool")))
                    .containsExactlyInAnyOrder(
                            "redis-enterprise:redis.namespace: must be a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit), got \"Redis_NS\"",
                            "redis-enterprise:nodePool.name: must be a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit), got \"Redis Pool\"");
            assertThat(problems(aws().with("storage", "className", "SSD!")))
                    .containsExactly("redis-enterprise:storage.className: must be a DNS-1123 subdomain (lowercase letters, digits, '-' and '.'), got \"SSD!\"");
        }

        @Test
        void aksPoolNamesFollowAksRules() {
            assertThat(problems(azure().with("nodePool", "name", "redis-pool"))).containsExactly(
                    "redis-enterprise:nodePool.name: must be 1-12 lowercase letters and digits starting with a letter (AKS agent pool names), got \"redis-pool\"");
            assertThat(problems(azure().with("nodePool", "zones", List.of("1", "4")))).containsExactly(
                    "redis-enterprise:nodePool.zones: must be Azure availability zone numbers 1, 2 or 3, got [\"1\",\"4\"]");
        }

        @Test
        void unknownKeysAreRefused() {
            assertThat(problems(aws().with("redis", "nodez", 3))).containsExactly(
                    "redis-enterprise:redis.nodez: unknown key (did you mean nodes?); known keys are antiAffinity, bootstrapImage, confirmScaleDown, cpu, deployment, image, memory, name, namespace, nodes, protect, volumeSize, got 3");
        }

        @Test
        void keysOfAnotherCloudAreRefused() {
            assertThat(problems(gcp().with("nodePool", "subnetIds", List.of("subnet-0a1b2c3d4e5f60001"))))
                    .containsExactly("redis-enterprise:nodePool.subnetIds: applies only when cloud is aws, got [\"subnet-0a1b2c3d4e5f60001\"]");
        }

        @Test
        void preferredAntiAffinityOnlyOnExistingClusters() {
            assertThat(problems(aws().with("redis", "antiAffinity", "preferred"))).containsExactly(
                    "redis-enterprise:redis.antiAffinity: must be required on aws (one Redis Enterprise node per VM); preferred is only for development clusters with cloud kubernetes, got \"preferred\"");
            assertThat(problems(kubernetes().with("redis", "antiAffinity", "sometimes")))
                    .containsExactly("redis-enterprise:redis.antiAffinity: must be required or preferred, got \"sometimes\"");
        }

        @Test
        void existingClusterNeedsExactlyOneStorageChoice() {
            assertThat(problems(kubernetes().remove("storage"))).containsExactly(
                    "redis-enterprise:storage.existingClassName: set exactly one of storage.existingClassName (use a class the cluster has) or storage.provisioner (+ parameters) when cloud is kubernetes, got nothing");
        }

        @Test
        void objectKeysMustBeObjects() {
            assertThat(problems(aws().set("redis", "[1, 2]"))).containsExactly("redis-enterprise:redis: must be an object (a map of keys), got [1,2]");
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            List<String> lines = problems(aws()
                    .with("redis", "nodes", 4)
                    .with("redis", "memory", "lots")
                    .with("storage", "diskType", "pd-ssd")
                    .remove("aws:region"));
            assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).doesNotContain("\n").contains(", got "));
        }
    }
}
