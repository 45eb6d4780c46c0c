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
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.platform.ClusterConnection;
import io.redisenterprise.infra.platform.KubeconfigDocument;
import io.redisenterprise.infra.platform.KubernetesProviderPlugin;
import io.redisenterprise.infra.platform.Platform;
import io.redisenterprise.infra.platform.StorageClassSpec;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.ClusterTarget;
import io.redisenterprise.infra.settings.NodePoolSettings;
import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.StorageSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google GKE: a node pool over the chosen zones with a fixed count per zone, surge upgrades that never take a
 * node away before its replacement is up, and a kubeconfig that runs {@code gke-gcloud-auth-plugin}.
 */
public final class GcpPlatform implements Platform {

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
        var nodeConfig = NodePoolNodeConfigArgs.builder()
                .machineType(pool.machineType())
                .diskType(pool.bootDiskType())
                .diskSizeGb(pool.diskSizeGb())
                .imageType("COS_CONTAINERD")
                .labels(placement.nodeLabels())
                .taints(placement.taint().stream().map(t -> NodePoolNodeConfigTaintArgs.builder()
                        .key(t.key()).value(t.value()).effect("NO_SCHEDULE").build()).toList())
                .oauthScopes("https://www.googleapis.com/auth/cloud-platform")
                .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA").build())
                .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                        .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                .resourceLabels(Map.of("redis-cluster", settings.redis().name()))
                .build();
        var nodePool = new NodePool(pool.name(), NodePoolArgs.builder()
                .name(pool.name())
                .project(target.project())
                .location(target.location())
                .cluster(target.name())
                .nodeLocations(pool.zones())
                .nodeCount(pool.nodesPerZone())
                .nodeConfig(nodeConfig)
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                // Surge: a new node joins before an old one drains, and never more than one at a time.
                .upgradeSettings(NodePoolUpgradeSettingsArgs.builder()
                        .strategy("SURGE").maxSurge(1).maxUnavailable(0).build())
                .build());

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
        return new ClusterConnection(provider, List.of(nodePool), Output.of(target.name()),
                nodePool.name().applyValue(List::of), kubeconfig);
    }
}
