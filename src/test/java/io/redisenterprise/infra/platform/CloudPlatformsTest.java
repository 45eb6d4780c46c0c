package io.redisenterprise.infra.platform;

import static io.redisenterprise.infra.TestStacks.at;
import static io.redisenterprise.infra.TestStacks.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.Plan;
import io.redisenterprise.infra.plan.PlannedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each cloud's platform under the mock engine: the node pool, IAM, storage class and Kubernetes provider. */
class CloudPlatformsTest {
    static final Map<String, String> POOL_LABELS = Map.of("redis.io/node-pool", "redis");

    @Nested
    class Aws {
        final Plan plan = TestStacks.aws().plan();

        @Test
        void oneManagedNodeGroupPerZoneCarriesThePlacement() {
            List<PlannedResource> groups = plan.ofType("aws:eks/nodeGroup:NodeGroup");
            assertThat(groups).extracting(PlannedResource::name)
                    .containsExactly("redis-us-east-1a", "redis-us-east-1b", "redis-us-east-1c");
            for (int i = 0; i < 3; i++) {
                Map<String, Object> in = groups.get(i).inputs();
                assertThat(in).containsEntry("clusterName", "prod-eks")
                        .containsEntry("instanceTypes", List.of("r6i.xlarge"))
                        .containsEntry("diskSize", 128L)
                        .containsEntry("labels", POOL_LABELS)
                        .containsEntry("subnetIds", List.of("subnet-0a1b2c3d4e5f6000" + (i + 1)))
                        .containsEntry("taints", List.of(Map.of("key", "redis.io/dedicated", "value", "redis-enterprise",
                                "effect", "NO_SCHEDULE")))
                        .containsEntry("updateConfig", Map.of("maxUnavailable", 1L));
                assertThat(at(in, "scalingConfig", "desiredSize")).isEqualTo(1L);
                assertThat(at(in, "scalingConfig", "minSize")).isEqualTo(1L);
            }
        }

        @Test
        void nodeRoleHasTheWorkerPoliciesAndNothingForEbs() {
            PlannedResource role = plan.ofType("aws:iam/role:Role").stream()
                    .filter(r -> r.name().equals("redis-node-role")).findFirst().orElseThrow();
            assertThat((String) role.inputs().get("assumeRolePolicy")).contains("ec2.amazonaws.com");
            assertThat(plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                    .filteredOn(r -> r.parent().orElse("").endsWith("redis-node-role"))
                    .extracting(r -> r.inputs().get("policyArn"))
                    .containsExactlyInAnyOrder(
                            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                            "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
                            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly");
        }

        @Test
        void ebsCsiDriverRunsWithItsOwnIrsaRole() {
            PlannedResource addon = only(plan, "aws:eks/addon:Addon");
            assertThat(addon.inputs()).containsEntry("addonName", "aws-ebs-csi-driver")
                    .containsEntry("serviceAccountRoleArn", "arn:aws:iam::000000000000:role/ebs-csi-driver-role");
            PlannedResource role = plan.ofType("aws:iam/role:Role").stream()
                    .filter(r -> r.name().equals("ebs-csi-driver-role")).findFirst().orElseThrow();
            String trust = (String) role.inputs().get("assumeRolePolicy");
            assertThat(trust).contains("sts:AssumeRoleWithWebIdentity")
                    .contains("system:serviceaccount:kube-system:ebs-csi-controller-sa")
                    .contains("oidc-provider/oidc.eks.");
            assertThat(plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                    .filteredOn(r -> r.parent().orElse("").endsWith("ebs-csi-driver-role"))
                    .extracting(r -> r.inputs().get("policyArn"))
                    .containsExactly("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy");
        }

        @Test
        void customerKeyGrantsKmsToTheDriverOnly() {
            String key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
            Plan p = TestStacks.aws().with("storage", "encryptionKey", key).plan();
            PlannedResource kms = only(p, "aws:iam/rolePolicy:RolePolicy");
            assertThat(kms.parent()).contains("aws:iam/role:Role::ebs-csi-driver-role");
            assertThat((String) kms.inputs().get("policy")).contains(key).contains("kms:CreateGrant");
            assertThat(at(only(p, "kubernetes:storage.k8s.io/v1:StorageClass").inputs(), "parameters", "kmsKeyId")).isEqualTo(key);
        }

        @Test
        void existingNodeRoleIsUsedAsIs() {
            String arn = "arn:aws:iam::123456789012:role/eks-node";
            Plan p = TestStacks.aws().with("nodePool", "nodeRoleArn", arn).plan();
            assertThat(p.ofType("aws:iam/role:Role")).extracting(PlannedResource::name).containsExactly("ebs-csi-driver-role");
            assertThat(p.ofType("aws:eks/nodeGroup:NodeGroup")).allSatisfy(g -> assertThat(g.inputs()).containsEntry("nodeRoleArn", arn));
        }

        @Test
        void csiDriverInstallCanBeLeftToTheClusterOwner() {
            Plan p = TestStacks.aws().with("storage", "installCsiDriver", false).plan();
            assertThat(p.ofType("aws:eks/addon:Addon")).isEmpty();
        }

        @Test
        void gp3StorageClassIsEncryptedWithProvisionedPerformance() {
            Plan p = TestStacks.aws().set("storage", Map.of("iops", 6000, "throughputMiBps", 250)).plan();
            Map<String, Object> sc = only(p, "kubernetes:storage.k8s.io/v1:StorageClass").inputs();
            assertThat(sc).containsEntry("provisioner", "ebs.csi.aws.com");
            assertThat(sc.get("parameters")).isEqualTo(Map.of("type", "gp3", "encrypted", "true",
                    "csi.storage.k8s.io/fstype", "ext4", "iops", "6000", "throughput", "250"));
        }
    }

    @Nested
    class Gcp {
        final Plan plan = TestStacks.gcp().plan();

        @Test
        void nodePoolSpansTheZonesWithAFixedCountPerZone() {
            Map<String, Object> in = only(plan, "gcp:container/nodePool:NodePool").inputs();
            assertThat(in).containsEntry("cluster", "prod-gke").containsEntry("project", "my-project")
                    .containsEntry("location", "europe-west1")
                    .containsEntry("nodeLocations", List.of("europe-west1-b", "europe-west1-c", "europe-west1-d"))
                    .containsEntry("nodeCount", 1L)
                    .containsEntry("management", Map.of("autoRepair", true, "autoUpgrade", true))
                    .containsEntry("upgradeSettings", Map.of("strategy", "SURGE", "maxSurge", 1L, "maxUnavailable", 0L));
            Map<String, Object> node = TestStacks.atMap(in, "nodeConfig");
            assertThat(node).containsEntry("machineType", "n2-highmem-4").containsEntry("labels", POOL_LABELS)
                    .containsEntry("diskSizeGb", 128L)
                    .containsEntry("taints", List.of(Map.of("key", "redis.io/dedicated", "value", "redis-enterprise",
                            "effect", "NO_SCHEDULE")));
            assertThat((String) node.get("diskType")).startsWith("pd-");
        }

        @Test
        void storageClassUsesThePdDriverWithOnlyItsParameters() {
            Map<String, Object> sc = only(plan, "kubernetes:storage.k8s.io/v1:StorageClass").inputs();
            assertThat(sc).containsEntry("provisioner", "pd.csi.storage.gke.io");
            assertThat(sc.get("parameters")).isEqualTo(Map.of("type", "pd-ssd", "replication-type", "none",
                    "csi.storage.k8s.io/fstype", "ext4"));
        }

        @Test
        void hyperdiskTakesProvisionedPerformance() {
            // c3 attaches Hyperdisk Balanced; n2, the default series, does not.
            Plan p = TestStacks.gcp().with("nodePool", "machineType", "c3-highmem-4")
                    .set("storage", Map.of("diskType", "hyperdisk-balanced", "iops", 6000, "throughputMiBps", 290)).plan();
            assertThat(at(only(p, "kubernetes:storage.k8s.io/v1:StorageClass").inputs(), "parameters"))
                    .isEqualTo(Map.of("type", "hyperdisk-balanced", "replication-type", "none", "csi.storage.k8s.io/fstype", "ext4",
                            "provisioned-iops-on-create", "6000", "provisioned-throughput-on-create", "290Mi"));
        }
    }

    @Nested
    class Azure {
        final Plan plan = TestStacks.azure().plan();

        @Test
        void userAgentPoolAcrossZonesIsTaintedForRedis() {
            Map<String, Object> in = only(plan, "azure-native:containerservice:AgentPool").inputs();
            assertThat(in).containsEntry("resourceGroupName", "prod-rg").containsEntry("resourceName", "prod-aks")
                    .containsEntry("agentPoolName", "redis").containsEntry("mode", "User")
                    .containsEntry("vmSize", "Standard_E4s_v5")
                    .containsEntry("availabilityZones", List.of("1", "2", "3"))
                    .containsEntry("count", 3L)
                    .containsEntry("nodeLabels", POOL_LABELS)
                    .containsEntry("nodeTaints", List.of("redis.io/dedicated=redis-enterprise:NoSchedule"));
        }

        @Test
        void premiumV2HasNoHostCaching() {
            Plan p = TestStacks.azure().set("storage", Map.of("diskType", "PremiumV2_LRS", "iops", 5000)).plan();
            Map<String, Object> sc = only(p, "kubernetes:storage.k8s.io/v1:StorageClass").inputs();
            assertThat(sc).containsEntry("provisioner", "disk.csi.azure.com");
            assertThat(sc.get("parameters")).isEqualTo(Map.of("skuName", "PremiumV2_LRS", "cachingMode", "None",
                    "csi.storage.k8s.io/fstype", "ext4", "DiskIOPSReadWrite", "5000"));
        }

    }

    @Nested
    class ExistingCluster {
        @Test
        void createsNoCloudResourcesAndUsesTheGivenContext() {
            Plan p = TestStacks.kubernetes().set("cluster", Map.of("context", "kind-redis")).plan();
            assertThat(only(p, "pulumi:providers:kubernetes").inputs()).containsEntry("context", "kind-redis");
            assertThat(p.resources()).noneMatch(r -> r.layer().startsWith("cloud"));
            assertThat(p.ofType("kubernetes:storage.k8s.io/v1:StorageClass")).isEmpty();
        }

        @Test
        void provisionerCreatesAClassWithTheSharedPolicies() {
            Plan p = TestStacks.kubernetes().set("storage", Map.of("provisioner", "rook-ceph.rbd.csi.ceph.com",
                    "parameters", Map.of("pool", "replicapool"))).plan();
            Map<String, Object> sc = only(p, "kubernetes:storage.k8s.io/v1:StorageClass").inputs();
            assertThat(sc).containsEntry("provisioner", "rook-ceph.rbd.csi.ceph.com")
                    .containsEntry("parameters", Map.of("pool", "replicapool"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure"})
    void theClustersKubeconfigStaysSecret(String cloud) {
        Plan p = TestStacks.forCloud(cloud).plan();
        assertThat(p.outputs()).containsEntry("kubeconfig", "[secret]");
        assertThat(only(p, "pulumi:providers:kubernetes").inputs()).containsEntry("kubeconfig", "[secret]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure"})
    void storageClassBindsLateGrowsAndRetains(String cloud) {
        Map<String, Object> sc = only(TestStacks.forCloud(cloud).plan(), "kubernetes:storage.k8s.io/v1:StorageClass").inputs();
        assertThat(sc).containsEntry("volumeBindingMode", "WaitForFirstConsumer")
                .containsEntry("allowVolumeExpansion", true)
                .containsEntry("reclaimPolicy", "Retain");
        assertThat(at(sc, "metadata", "name")).isEqualTo("redis-enterprise-ssd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure", "kubernetes"})
    void onlyTheChosenCloudsResourcesAreRegistered(String cloud) {
        Plan p = TestStacks.forCloud(cloud).plan();
        List<String> foreign = List.of("aws:", "gcp:", "azure-native:").stream()
                .filter(prefix -> !prefix.startsWith(cloud)).toList();
        assertThat(p.resources()).extracting(PlannedResource::type)
                .noneMatch(t -> foreign.stream().anyMatch(t::startsWith));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure", "kubernetes"})
    void everyKubernetesResourceUsesTheExplicitProvider(String cloud) {
        Plan p = TestStacks.forCloud(cloud).plan();
        String provider = "pulumi:providers:kubernetes::" + only(p, "pulumi:providers:kubernetes").name();
        assertThat(p.resources()).filteredOn(r -> r.type().startsWith("kubernetes:"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.provider()).as(r.name()).contains(provider));
    }
}
