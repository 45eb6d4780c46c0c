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
import org.junit.jupiter.params.provider.CsvSource;
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
                assertThat((String) in.get("nodeGroupName")).matches(groups.get(i).name() + "-[0-9a-f]{6}");
                assertThat(at(in, "scalingConfig", "desiredSize")).isEqualTo(1L);
                assertThat(at(in, "scalingConfig", "minSize")).isEqualTo(1L);
            }
        }

        @Test
        void groupsWaitForTheNodeRolesPoliciesAndForThePreviousZone() {
            List<PlannedResource> groups = plan.ofType("aws:eks/nodeGroup:NodeGroup");
            List<String> policies = List.of("AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly").stream()
                    .map(p -> "aws:iam/rolePolicyAttachment:RolePolicyAttachment::redis-" + p).toList();
            assertThat(groups.get(0).dependsOn()).containsExactlyInAnyOrderElementsOf(policies);
            assertThat(groups.get(1).dependsOn()).contains("aws:eks/nodeGroup:NodeGroup::redis-us-east-1a")
                    .containsAll(policies);
            assertThat(groups.get(2).dependsOn()).contains("aws:eks/nodeGroup:NodeGroup::redis-us-east-1b");
        }

        @Test
        void fiveNodesOverThreeZonesAreFiveVms() {
            Plan five = TestStacks.aws().with("redis", "nodes", 5).plan();
            assertThat(five.ofType("aws:eks/nodeGroup:NodeGroup"))
                    .extracting(g -> at(g.inputs(), "scalingConfig", "desiredSize")).containsExactly(2L, 2L, 1L);
            // The count is changed in place: the names stay.
            assertThat(five.ofType("aws:eks/nodeGroup:NodeGroup")).extracting(g -> g.inputs().get("nodeGroupName"))
                    .isEqualTo(plan.ofType("aws:eks/nodeGroup:NodeGroup").stream().map(g -> g.inputs().get("nodeGroupName")).toList());
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
        void theClusterOwnersCsiDriverIsLeftAlone() {
            // The shipped stack and TestStacks.aws(): installCsiDriver false.
            assertThat(plan.ofType("aws:eks/addon:Addon")).isEmpty();
            assertThat(plan.ofType("aws:iam/role:Role")).extracting(PlannedResource::name).containsExactly("redis-node-role");
        }

        @Test
        void ebsCsiDriverWhenAskedRunsWithItsOwnIrsaRole() {
            Plan p = TestStacks.aws().with("storage", "installCsiDriver", true).plan();
            PlannedResource addon = only(p, "aws:eks/addon:Addon");
            assertThat(addon.inputs()).containsEntry("addonName", "aws-ebs-csi-driver")
                    .containsEntry("serviceAccountRoleArn", "arn:aws:iam::000000000000:role/ebs-csi-driver-role")
                    // Never overwrite fields someone else manages; fail instead.
                    .containsEntry("resolveConflictsOnCreate", "NONE")
                    .containsEntry("resolveConflictsOnUpdate", "PRESERVE");
            PlannedResource role = p.ofType("aws:iam/role:Role").stream()
                    .filter(r -> r.name().equals("ebs-csi-driver-role")).findFirst().orElseThrow();
            String trust = (String) role.inputs().get("assumeRolePolicy");
            assertThat(trust).contains("sts:AssumeRoleWithWebIdentity")
                    .contains("system:serviceaccount:kube-system:ebs-csi-controller-sa")
                    .contains("oidc-provider/oidc.eks.");
            assertThat(p.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                    .filteredOn(r -> r.parent().orElse("").endsWith("ebs-csi-driver-role"))
                    .extracting(r -> r.inputs().get("policyArn"))
                    .containsExactly("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy");
        }

        @Test
        void theAddonItCreatesStaysOnTheClusterWhenTheStackLetsGo() {
            Plan p = TestStacks.aws().with("storage", "installCsiDriver", true)
                    .with("storage", "encryptionKey", "arn:aws:kms:us-east-1:123456789012:key/1234abcd").plan();
            // preserve: EKS's DeleteAddon keeps the driver; retainOnDelete: Pulumi never calls it (destroy, or
            // installCsiDriver set to false later), nor deletes the role the preserved driver still uses.
            PlannedResource addon = only(p, "aws:eks/addon:Addon");
            assertThat(addon.inputs()).containsEntry("preserve", true);
            assertThat(addon.isRetainedOnDelete()).isTrue();
            assertThat(p.resources()).filteredOn(r -> r.name().startsWith("ebs-csi-driver"))
                    .extracting(PlannedResource::name)
                    .containsExactlyInAnyOrder("ebs-csi-driver", "ebs-csi-driver-role", "ebs-csi-driver-policy", "ebs-csi-driver-kms");
            assertThat(p.resources()).filteredOn(r -> r.name().startsWith("ebs-csi-driver"))
                    .allSatisfy(r -> assertThat(r.isRetainedOnDelete()).as(r.name()).isTrue());
        }

        @Test
        void addonVersionIsEksDefaultForTheClustersKubernetesVersionOrPinned() {
            Plan resolved = TestStacks.aws().with("storage", "installCsiDriver", true).plan();
            // The plan answers aws.eks.getAddonVersion with a placeholder: the version comes from that look-up.
            assertThat(only(resolved, "aws:eks/addon:Addon").inputs()).containsEntry("addonVersion", "v0.0.0-plan-placeholder");
            Plan pinned = TestStacks.aws().with("storage", "installCsiDriver", true)
                    .with("storage", "csiDriverVersion", "v1.35.0-eksbuild.1").plan();
            assertThat(only(pinned, "aws:eks/addon:Addon").inputs()).containsEntry("addonVersion", "v1.35.0-eksbuild.1");
        }

        @Test
        void whetherToInstallTheDriverIsTheStacksExplicitChoice() {
            assertThat(TestStacks.problems(TestStacks.aws().with("storage", "installCsiDriver", null))).containsExactly(
                    "redis-enterprise:storage.installCsiDriver: required when cloud is aws: true to create the EKS add-on "
                            + "aws-ebs-csi-driver (also for a stack whose add-on an earlier version of this program created), "
                            + "false when the cluster already runs the EBS CSI driver, got nothing");
            assertThat(TestStacks.problems(TestStacks.aws().with("storage", "csiDriverVersion", "v1.35.0-eksbuild.1"))).containsExactly(
                    "redis-enterprise:storage.csiDriverVersion: applies only with storage.installCsiDriver true (the add-on "
                            + "this stack creates), got \"v1.35.0-eksbuild.1\"");
            assertThat(TestStacks.problems(TestStacks.aws().with("storage", "installCsiDriver", true)
                    .with("storage", "csiDriverVersion", "1.35"))).containsExactly(
                    "redis-enterprise:storage.csiDriverVersion: must be an EKS add-on version such as v1.35.0-eksbuild.1, got \"1.35\"");
            assertThat(TestStacks.problems(TestStacks.gcp().with("storage", "csiDriverVersion", "v1.35.0-eksbuild.1"))).containsExactly(
                    "redis-enterprise:storage.csiDriverVersion: applies only when cloud is aws, got \"v1.35.0-eksbuild.1\"");
        }

        @Test
        void customerKeyGrantsKmsToTheDriverOnly() {
            String key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
            Plan p = TestStacks.aws().with("storage", "installCsiDriver", true).with("storage", "encryptionKey", key).plan();
            PlannedResource kms = only(p, "aws:iam/rolePolicy:RolePolicy");
            assertThat(kms.parent()).contains("aws:iam/role:Role::ebs-csi-driver-role");
            assertThat((String) kms.inputs().get("policy")).contains(key).contains("kms:CreateGrant");
            assertThat(at(only(p, "kubernetes:storage.k8s.io/v1:StorageClass").inputs(), "parameters", "kmsKeyId")).isEqualTo(key);
        }

        @Test
        void existingNodeRoleIsUsedAsIs() {
            String arn = "arn:aws:iam::123456789012:role/eks-node";
            Plan p = TestStacks.aws().with("nodePool", "nodeRoleArn", arn).plan();
            assertThat(p.ofType("aws:iam/role:Role")).isEmpty();
            assertThat(p.ofType("aws:eks/nodeGroup:NodeGroup")).allSatisfy(g -> assertThat(g.inputs()).containsEntry("nodeRoleArn", arn));
            // Another role is a property EKS sets only at creation: new group names, so the groups are replaced
            // create-before-delete.
            assertThat(p.ofType("aws:eks/nodeGroup:NodeGroup")).extracting(g -> g.inputs().get("nodeGroupName"))
                    .doesNotContainAnyElementsOf(plan.ofType("aws:eks/nodeGroup:NodeGroup").stream()
                            .map(g -> g.inputs().get("nodeGroupName")).toList());
        }

        @Test
        void gp3StorageClassIsEncryptedWithProvisionedPerformance() {
            Plan p = TestStacks.aws().set("storage", Map.of("installCsiDriver", false, "iops", 6000, "throughputMiBps", 250)).plan();
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
        void onePoolPerZoneWithThatZonesCount() {
            List<PlannedResource> pools = plan.ofType("gcp:container/nodePool:NodePool");
            assertThat(pools).extracting(PlannedResource::name)
                    .containsExactly("redis-europe-west1-b", "redis-europe-west1-c", "redis-europe-west1-d");
            for (PlannedResource pool : pools) {
                Map<String, Object> in = pool.inputs();
                String zone = pool.name().substring("redis-".length());
                assertThat(in).containsEntry("cluster", "prod-gke").containsEntry("project", "my-project")
                        .containsEntry("location", "europe-west1")
                        .containsEntry("nodeLocations", List.of(zone))
                        .containsEntry("nodeCount", 1L)
                        .containsEntry("management", Map.of("autoRepair", true, "autoUpgrade", true))
                        .containsEntry("upgradeSettings", Map.of("strategy", "SURGE", "maxSurge", 1L, "maxUnavailable", 0L));
                // At most 40 characters: the pool name, the zone's letter, the hash of the create-only properties.
                assertThat((String) in.get("name")).matches("redis-" + zone.substring(zone.length() - 1) + "-[0-9a-f]{6}");
                Map<String, Object> node = TestStacks.atMap(in, "nodeConfig");
                assertThat(node).containsEntry("machineType", "n2-highmem-4").containsEntry("labels", POOL_LABELS)
                        .containsEntry("diskSizeGb", 128L)
                        .containsEntry("taints", List.of(Map.of("key", "redis.io/dedicated", "value", "redis-enterprise",
                                "effect", "NO_SCHEDULE")));
                assertThat((String) node.get("diskType")).startsWith("pd-");
            }
            assertThat(pools.get(1).dependsOn()).containsExactly("gcp:container/nodePool:NodePool::redis-europe-west1-b");
            assertThat(pools.get(2).dependsOn()).containsExactly("gcp:container/nodePool:NodePool::redis-europe-west1-c");
        }

        @Test
        void fiveNodesOverThreeZonesAreFiveVms() {
            // GKE's nodeCount is per zone of a pool's nodeLocations: one pool over three zones would have six.
            Plan five = TestStacks.gcp().with("redis", "nodes", 5).plan();
            assertThat(five.ofType("gcp:container/nodePool:NodePool")).extracting(p -> p.inputs().get("nodeCount"))
                    .containsExactly(2L, 2L, 1L);
        }

        @Test
        void gkeMetadataServerOnlyOnAClusterWithWorkloadIdentity() {
            assertThat(plan.ofType("gcp:container/nodePool:NodePool"))
                    .allSatisfy(p -> assertThat(TestStacks.atMap(p.inputs(), "nodeConfig")).doesNotContainKey("workloadMetadataConfig"));
            Plan wi = TestStacks.gcp().with("cluster", "workloadIdentity", true).plan();
            assertThat(wi.ofType("gcp:container/nodePool:NodePool")).allSatisfy(p -> assertThat(
                    at(p.inputs(), "nodeConfig", "workloadMetadataConfig")).isEqualTo(Map.of("mode", "GKE_METADATA")));
            // Updated in place: the pools keep their names.
            assertThat(names(wi)).isEqualTo(names(plan));
            assertThat(TestStacks.problems(TestStacks.aws().with("cluster", "workloadIdentity", true))).containsExactly(
                    "redis-enterprise:cluster.workloadIdentity: applies only when cloud is gcp, got true");
        }

        @Test
        void nodeServiceAccountIsSetAtCreation() {
            String sa = "redis-nodes@my-project.iam.gserviceaccount.com";
            Plan p = TestStacks.gcp().with("nodePool", "serviceAccount", sa).plan();
            assertThat(p.ofType("gcp:container/nodePool:NodePool"))
                    .allSatisfy(pool -> assertThat(at(pool.inputs(), "nodeConfig", "serviceAccount")).isEqualTo(sa));
            assertThat(plan.ofType("gcp:container/nodePool:NodePool"))
                    .allSatisfy(pool -> assertThat(TestStacks.atMap(pool.inputs(), "nodeConfig")).doesNotContainKey("serviceAccount"));
            // GKE sets it only at creation: new names, replacement create-before-delete.
            assertThat(names(p)).doesNotContainAnyElementsOf(names(plan));
        }

        @Test
        void nodeServiceAccountMustBeAServiceAccountsEmail() {
            assertThat(TestStacks.problems(TestStacks.gcp().with("nodePool", "serviceAccount", "someone@example.com"))).containsExactly(
                    "redis-enterprise:nodePool.serviceAccount: must be the email of a Google service account, such as "
                            + "redis-nodes@my-project.iam.gserviceaccount.com, got \"someone@example.com\"");
            assertThat(TestStacks.problems(TestStacks.azure().with("nodePool", "serviceAccount",
                    "redis-nodes@my-project.iam.gserviceaccount.com"))).containsExactly(
                    "redis-enterprise:nodePool.serviceAccount: applies only when cloud is gcp, got \"redis-nodes@my-project.iam.gserviceaccount.com\"");
            assertThat(TestStacks.gcp().with("nodePool", "serviceAccount", "123456789012-compute@developer.gserviceaccount.com")
                    .settings().nodePool().serviceAccount()).contains("123456789012-compute@developer.gserviceaccount.com");
        }

        private List<Object> names(Plan p) {
            return p.ofType("gcp:container/nodePool:NodePool").stream().map(r -> r.inputs().get("name")).toList();
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
        void oneUserAgentPoolPerZoneTaintedForRedis() {
            List<PlannedResource> pools = plan.ofType("azure-native:containerservice:AgentPool");
            assertThat(pools).extracting(PlannedResource::name).containsExactly("redis-1", "redis-2", "redis-3");
            for (int i = 0; i < 3; i++) {
                Map<String, Object> in = pools.get(i).inputs();
                String zone = String.valueOf(i + 1);
                assertThat(in).containsEntry("resourceGroupName", "prod-rg").containsEntry("resourceName", "prod-aks")
                        .containsEntry("mode", "User")
                        .containsEntry("vmSize", "Standard_E4s_v5")
                        .containsEntry("availabilityZones", List.of(zone))
                        .containsEntry("count", 1L)
                        .containsEntry("enableAutoScaling", false)
                        .containsEntry("nodeLabels", POOL_LABELS)
                        .containsEntry("nodeTaints", List.of("redis.io/dedicated=redis-enterprise:NoSchedule"));
                // AKS: 1-12 lowercase letters and digits: the pool name, the zone, the hash.
                assertThat((String) in.get("agentPoolName")).matches("redis" + zone + "[0-9a-f]{6}").hasSizeLessThanOrEqualTo(12);
            }
            assertThat(pools.get(1).dependsOn()).containsExactly("azure-native:containerservice:AgentPool::redis-1");
            assertThat(pools.get(2).dependsOn()).containsExactly("azure-native:containerservice:AgentPool::redis-2");
            assertThat(plan.outputs().get("nodePools")).isEqualTo(pools.stream().map(p -> p.inputs().get("agentPoolName")).toList());
        }

        @Test
        void fiveNodesOverThreeZonesAreFiveVms() {
            Plan five = TestStacks.azure().with("redis", "nodes", 5).plan();
            assertThat(five.ofType("azure-native:containerservice:AgentPool")).extracting(p -> p.inputs().get("count"))
                    .containsExactly(2L, 2L, 1L);
        }

        @Test
        void longPoolNamesAreCutToFitAks() {
            Plan p = TestStacks.azure().with("nodePool", "name", "redisenterpr").plan();
            assertThat(p.ofType("azure-native:containerservice:AgentPool")).extracting(r -> (String) r.inputs().get("agentPoolName"))
                    .allMatch(n -> n.matches("redis[1-3][0-9a-f]{6}"));
            // The label keeps the whole name.
            assertThat(p.ofType("azure-native:containerservice:AgentPool"))
                    .allSatisfy(r -> assertThat(r.inputs()).containsEntry("nodeLabels", Map.of("redis.io/node-pool", "redisenterpr")));
        }

        @Test
        void kubeloginModeIsAzureOnlyAndNonInteractive() {
            assertThat(TestStacks.azure().settings().cluster()).isEqualTo(
                    new io.redisenterprise.infra.settings.ClusterTarget.Aks("prod-aks", "prod-rg", "azurecli"));
            assertThat(TestStacks.problems(TestStacks.azure().with("cluster", "kubeloginMode", "devicecode"))).containsExactly(
                    "redis-enterprise:cluster.kubeloginMode: must be azurecli or workloadidentity, got \"devicecode\"");
            assertThat(TestStacks.problems(TestStacks.gcp().with("cluster", "kubeloginMode", "azurecli"))).containsExactly(
                    "redis-enterprise:cluster.kubeloginMode: applies only when cloud is azure, got \"azurecli\"");
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
    @CsvSource({"aws,operator", "gcp,operator", "azure,operator", "kubernetes,operator",
            "aws,statefulset", "gcp,statefulset", "azure,statefulset", "kubernetes,statefulset"})
    void everyKubernetesResourceUsesTheExplicitProvider(String cloud, String mode) {
        TestStacks.Config config = TestStacks.forCloud(cloud);
        Plan p = (mode.equals("statefulset") ? config.statefulSet() : config).plan();
        assertThat(p.settings().deployment().mode().key()).isEqualTo(mode);
        String provider = "pulumi:providers:kubernetes::" + only(p, "pulumi:providers:kubernetes").name();
        assertThat(p.resources()).filteredOn(r -> r.type().startsWith("kubernetes:"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.provider()).as(r.name()).contains(provider));
    }
}
