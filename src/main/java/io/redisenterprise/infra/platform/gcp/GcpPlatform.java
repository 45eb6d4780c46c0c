package io.redisenterprise.infra.platform.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.container.ContainerFunctions;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.GetClusterArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigTaintArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolUpgradeSettingsArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.platform.ClusterConnection;
import io.redisenterprise.infra.platform.KubeconfigDocument;
import io.redisenterprise.infra.platform.KubernetesProviderPlugin;
import io.redisenterprise.infra.platform.NodePoolNames;
import io.redisenterprise.infra.platform.Platform;
import io.redisenterprise.infra.platform.StorageClassSpec;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.ClusterTarget;
import io.redisenterprise.infra.settings.NodePoolSettings;
import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.StorageSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google GKE: one node pool per zone with that zone's count, named after its create-only properties so that a
 * change replaces it create-before-delete, one zone after another; surge upgrades that never take a node away
 * before its replacement is up; and a kubeconfig that runs {@code gke-gcloud-auth-plugin}.
 */
public final class GcpPlatform implements Platform {
    /** GKE node pool names: at most 40 characters (gcloud container node-pools create NAME). */
    static final int MAX_NODE_POOL_NAME = 40;

    @Override
    public Cloud cloud() {
        return Cloud.GCP;
    }

    @Override
    public Map<String, String> internalLoadBalancerAnnotations() {
        return Map.of("networking.gke.io/load-balancer-type", "Internal");
    }

    @Override
    public Optional<StorageClassSpec> storageClass(Settings settings) {
        StorageSettings s = settings.storage();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("type", s.diskType());
        params.put("replication-type", "none");
        params.put("csi.storage.k8s.io/fstype", "ext4");
        s.encryptionKey().ifPresent(k -> params.put("disk-encryption-kms-key", k));
        // Only Hyperdisk takes provisioned performance; settings refuse it for pd-* types.
        s.iops().ifPresent(i -> params.put("provisioned-iops-on-create", String.valueOf(i)));
        s.throughputMiBps().ifPresent(t -> params.put("provisioned-throughput-on-create", t + "Mi"));
        return Optional.of(new StorageClassSpec(s.className(), "pd.csi.storage.gke.io", params));
    }

    @Override
    public ClusterConnection connect(Settings settings, Placement placement) {
        var target = (ClusterTarget.Gke) settings.cluster();
        NodePoolSettings pool = settings.nodePool();
        List<String> oauthScopes = List.of("https://www.googleapis.com/auth/cloud-platform");
        List<Map<String, String>> taints = placement.taint().stream()
                .map(t -> Map.of("key", t.key(), "value", t.value(), "effect", "NO_SCHEDULE")).toList();
        var nodeConfig = NodePoolNodeConfigArgs.builder()
                .machineType(pool.machineType())
                .diskType(pool.bootDiskType())
                .diskSizeGb(pool.diskSizeGb())
                .imageType("COS_CONTAINERD")
                .labels(placement.nodeLabels())
                .taints(taints.stream().map(t -> NodePoolNodeConfigTaintArgs.builder()
                        .key(t.get("key")).value(t.get("value")).effect(t.get("effect")).build()).toList())
                .oauthScopes(oauthScopes)
                .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                        .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                .resourceLabels(Map.of("redis-cluster", settings.redis().name()));
        if (target.workloadIdentity()) {
            // GKE accepts GKE_METADATA only on a cluster with Workload Identity (TF google-beta v5.3.0
            // website/docs/r/container_cluster.html.markdown, workload_metadata_config). Without the key the block
            // is left out: the attribute is Optional+Computed (node_config.go), so GKE's default for new pools
            // applies and an existing pool keeps its mode.
            nodeConfig.workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA").build());
        }
        pool.serviceAccount().ifPresent(nodeConfig::serviceAccount);
        NodePoolNodeConfigArgs config = nodeConfig.build();
        // The boot disk type is hashed as GKE receives it, whatever decides it.
        Output<String> diskType = config.diskType().orElse(Output.of(""));

        List<Resource> pools = new ArrayList<>();
        List<Output<String>> names = new ArrayList<>();
        Resource previous = null;
        for (String zone : pool.zones()) {
            // A node pool's nodeCount is per zone of its nodeLocations: one pool over three zones with
            // nodeCount 2 has six VMs. One pool per zone gives each zone exactly its share (2 + 2 + 1 for five
            // nodes), and lets a replacement drain one zone at a time: GKE deletes a pool's pods without
            // honouring PodDisruptionBudgets (gcloud container node-pools delete), so one pool over all zones
            // would take every Redis node down at once.
            String zoneTag = zone.substring(zone.lastIndexOf('-') + 1);
            Output<String> name = diskType.applyValue(dt -> {
                // Every nodeConfig argument GKE sets only at creation in gcp 7.0.0 (google-beta v5.3.0
                // node_config.go, ForceNew), so any change of one yields a new name and a create-before-delete
                // replacement.
                Map<String, Object> createOnly = new LinkedHashMap<>();
                createOnly.put("nodePool", pool.name());
                createOnly.put("zone", zone);
                createOnly.put("machineType", pool.machineType());
                createOnly.put("diskSizeGb", pool.diskSizeGb());
                createOnly.put("diskType", dt);
                createOnly.put("serviceAccount", pool.serviceAccount().orElse("default"));
                createOnly.put("taints", taints);
                createOnly.put("oauthScopes", oauthScopes);
                createOnly.put("shieldedInstanceConfig", Map.of("enableSecureBoot", true, "enableIntegrityMonitoring", true));
                return NodePoolNames.of(pool.name(), MAX_NODE_POOL_NAME - zoneTag.length() - 2 - NodePoolNames.HASH_LENGTH,
                        "-" + zoneTag, "-", createOnly);
            });
            // Each zone's pool waits for the previous one: created one after another, and when replaced the old
            // pools are deleted one after another (reverse dependency order), one zone's Redis node at a time.
            var options = CustomResourceOptions.builder();
            if (previous != null) {
                options.dependsOn(previous);
            }
            var nodePool = new NodePool(pool.name() + "-" + zone, NodePoolArgs.builder()
                    .name(name)
                    .project(target.project())
                    .location(target.location())
                    .cluster(target.name())
                    .nodeLocations(zone)
                    .nodeCount(placement.nodesIn(zone))
                    .nodeConfig(config)
                    .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                    // Surge: a new node joins before an old one drains, and never more than one at a time.
                    .upgradeSettings(NodePoolUpgradeSettingsArgs.builder()
                            .strategy("SURGE").maxSurge(1).maxUnavailable(0).build())
                    .build(), options.build());
            pools.add(nodePool);
            // The name as declared, known in preview too: the stack compares it with the last deployment's.
            names.add(name);
            previous = nodePool;
        }

        var cluster = ContainerFunctions.getCluster(GetClusterArgs.builder()
                .name(target.name()).location(target.location()).project(target.project()).build());
        String contextName = "gke_" + target.project() + "_" + target.location() + "_" + target.name();
        Output<String> kubeconfig = cluster.applyValue(c -> KubeconfigDocument.withExecPlugin(
                contextName, "https://" + c.endpoint(), c.masterAuths().get(0).clusterCaCertificate(),
                new KubeconfigDocument.ExecPlugin("gke-gcloud-auth-plugin", List.of(),
                        "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin", true)))
                .asSecret();
        var provider = new Provider("gke", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                KubernetesProviderPlugin.providerOptions());
        return new ClusterConnection(provider, pools, Output.of(target.name()), Output.all(names), kubeconfig);
    }
}
