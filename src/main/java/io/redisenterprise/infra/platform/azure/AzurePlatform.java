package io.redisenterprise.infra.platform.azure;

import com.pulumi.azurenative.containerservice.AgentPool;
import com.pulumi.azurenative.containerservice.AgentPoolArgs;
import com.pulumi.azurenative.containerservice.ContainerserviceFunctions;
import com.pulumi.azurenative.containerservice.inputs.AgentPoolUpgradeSettingsArgs;
import com.pulumi.azurenative.containerservice.inputs.ListManagedClusterUserCredentialsArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.platform.ClusterConnection;
import io.redisenterprise.infra.platform.KubernetesProviderPlugin;
import io.redisenterprise.infra.platform.Platform;
import io.redisenterprise.infra.platform.StorageClassSpec;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.ClusterTarget;
import io.redisenterprise.infra.settings.NodePoolSettings;
import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.StorageSettings;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Azure AKS: a User-mode agent pool across availability zones, tainted for Redis Enterprise, and the cluster's
 * user kubeconfig (kept secret) for the Kubernetes provider.
 */
public final class AzurePlatform implements Platform {

    @Override
    public Cloud cloud() {
        return Cloud.AZURE;
    }

    @Override
    public Map<String, String> internalLoadBalancerAnnotations() {
        return Map.of("service.beta.kubernetes.io/azure-load-balancer-internal", "true");
    }

    @Override
    public Optional<StorageClassSpec> storageClass(Settings settings) {
        StorageSettings s = settings.storage();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("skuName", s.diskType());
        // Premium SSD v2 supports no host caching; Premium SSD v1 gains read caching.
        params.put("cachingMode", s.diskType().equals("PremiumV2_LRS") ? "None" : "ReadOnly");
        params.put("csi.storage.k8s.io/fstype", "ext4");
        s.encryptionKey().ifPresent(k -> params.put("diskEncryptionSetID", k));
        s.iops().ifPresent(i -> params.put("DiskIOPSReadWrite", String.valueOf(i)));
        s.throughputMiBps().ifPresent(t -> params.put("DiskMBpsReadWrite", String.valueOf(t)));
        return Optional.of(new StorageClassSpec(s.className(), "disk.csi.azure.com", params));
    }

    @Override
    public ClusterConnection connect(Settings settings, Placement placement) {
        var target = (ClusterTarget.Aks) settings.cluster();
        NodePoolSettings pool = settings.nodePool();
        var agentPool = new AgentPool(pool.name(), AgentPoolArgs.builder()
                .resourceGroupName(target.resourceGroup())
                .resourceName(target.name())
                .agentPoolName(pool.name())
                .mode("User")
                .osType("Linux")
                .vmSize(pool.machineType())
                .availabilityZones(pool.zones())
                .count(placement.poolNodes())
                .enableAutoScaling(false)
                // AKS reserves kubelet memory per allowed pod; a dedicated Redis pool needs few pods.
                .maxPods(pool.maxPods())
                .osDiskSizeGB(pool.diskSizeGb())
                .osDiskType("Managed")
                .nodeLabels(placement.nodeLabels())
                .nodeTaints(placement.taint().stream().map(Placement.Taint::asKubectlString).toList())
                .upgradeSettings(AgentPoolUpgradeSettingsArgs.builder().maxSurge("1").build())
                .tags(Map.of("redis-cluster", settings.redis().name()))
                .build());

        Output<String> kubeconfig = ContainerserviceFunctions.listManagedClusterUserCredentials(
                        ListManagedClusterUserCredentialsArgs.builder()
                                .resourceGroupName(target.resourceGroup())
                                .resourceName(target.name())
                                .build())
                .applyValue(r -> new String(Base64.getDecoder().decode(r.kubeconfigs().get(0).value()), StandardCharsets.UTF_8))
                .asSecret();
        var provider = new Provider("aks", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                KubernetesProviderPlugin.providerOptions());
        return new ClusterConnection(provider, List.of(agentPool), Output.of(target.name()),
                Output.of(List.of(pool.name())), kubeconfig);
    }
}
