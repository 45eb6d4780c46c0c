package io.redisenterprise.infra.platform.azure;

import com.pulumi.azurenative.containerservice.AgentPool;
import com.pulumi.azurenative.containerservice.AgentPoolArgs;
import com.pulumi.azurenative.containerservice.ContainerserviceFunctions;
import com.pulumi.azurenative.containerservice.inputs.AgentPoolUpgradeSettingsArgs;
import com.pulumi.azurenative.containerservice.inputs.ListManagedClusterUserCredentialsArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.placement.Placement;
import io.redisenterprise.infra.platform.ClusterConnection;
import io.redisenterprise.infra.platform.KubernetesProviderPlugin;
import io.redisenterprise.infra.platform.NodePoolNames;
import io.redisenterprise.infra.platform.Platform;
import io.redisenterprise.infra.platform.StorageClassSpec;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.ClusterTarget;
import io.redisenterprise.infra.settings.NodePoolSettings;
import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.StorageSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Azure AKS: one User-mode agent pool per availability zone, tainted for Redis Enterprise and named after its
 * create-only properties so that a change replaces it create-before-delete, one zone after another; and the
 * cluster's user kubeconfig (kept secret), whose kubelogin runs without a person at a browser.
 */
public final class AzurePlatform implements Platform {
    /** Linux agent pool names: 1-12 lowercase letters and digits, starting with a letter (AKS docs, use-system-pools). */
    static final int MAX_AGENT_POOL_NAME = 12;
    static final String OS_TYPE = "Linux";
    static final String OS_DISK_TYPE = "Managed";
    /**
     * Agent pool properties Azure sets only at creation. azure-native 2.10.0 would send a change of them as an
     * in-place update that Azure refuses (PropertyChangeNotAllowed, pulumi-azure-native issue #959), so any
     * change replaces the pool; its name changes with them, so the replacement is created before the old pool goes.
     */
    static final List<String> REPLACE_ON_CHANGES = List.of(
            "vmSize", "availabilityZones", "osDiskSizeGB", "osDiskType", "maxPods", "osType");

    @Override
    public Cloud cloud() {
        return Cloud.AZURE;
    }

    @Override
    public Map<String, String> internalLoadBalancerAnnotations() {
        return Map.of("service.beta.kubernetes.io/azure-load-balancer-internal", "true");
    }

    /** AKS documents its own annotation for allowed source ranges (learn.microsoft.com/azure/aks/configure-load-balancer-standard). */
    @Override
    public String loadBalancerSourceRangesAnnotation() {
        return "service.beta.kubernetes.io/azure-allowed-ip-ranges";
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
        List<Resource> agentPools = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Resource previous = null;
        for (String zone : pool.zones()) {
            // Every property Azure sets only at creation: vmSize and the zones are refused in place
            // (PropertyChangeNotAllowed), and azure-native 2.10.0 would send them in place (replacement on
            // vmSize came only with pulumi-azure-native PR #3655, October 2024).
            Map<String, Object> createOnly = new LinkedHashMap<>();
            createOnly.put("nodePool", pool.name());
            createOnly.put("availabilityZones", List.of(zone));
            createOnly.put("vmSize", pool.machineType());
            createOnly.put("osDiskSizeGB", pool.diskSizeGb());
            createOnly.put("osDiskType", OS_DISK_TYPE);
            createOnly.put("maxPods", pool.maxPods());
            createOnly.put("osType", OS_TYPE);
            // 1-12 lowercase letters and digits: the pool name's first 5 characters, the zone digit, the hash.
            String name = NodePoolNames.of(pool.name(), MAX_AGENT_POOL_NAME - zone.length() - NodePoolNames.HASH_LENGTH,
                    zone, "", createOnly);
            // Each zone's pool waits for the previous one: created one after another, and when replaced the old
            // pools are deleted one after another (reverse dependency order). AKS drains a pool being deleted
            // honouring PodDisruptionBudgets.
            var options = CustomResourceOptions.builder().replaceOnChanges(REPLACE_ON_CHANGES);
            if (previous != null) {
                options.dependsOn(previous);
            }
            var agentPool = new AgentPool(pool.name() + "-" + zone, AgentPoolArgs.builder()
                    .resourceGroupName(target.resourceGroup())
                    .resourceName(target.name())
                    .agentPoolName(name)
                    .mode("User")
                    .osType(OS_TYPE)
                    .vmSize(pool.machineType())
                    // One pool per zone (Microsoft's recommendation with zonal disks, AKS docs
                    // cluster-autoscaler-overview.md): one pool over three zones may come up 2 + 1 + 0 and leave a
                    // zone's volumes without a VM.
                    .availabilityZones(zone)
                    .count(placement.nodesIn(zone))
                    .enableAutoScaling(false)
                    // AKS reserves kubelet memory per allowed pod; a dedicated Redis pool needs few pods.
                    .maxPods(pool.maxPods())
                    .osDiskSizeGB(pool.diskSizeGb())
                    .osDiskType(OS_DISK_TYPE)
                    .nodeLabels(placement.nodeLabels())
                    .nodeTaints(placement.taint().stream().map(Placement.Taint::asKubectlString).toList())
                    .upgradeSettings(AgentPoolUpgradeSettingsArgs.builder().maxSurge("1").build())
                    .tags(Map.of("redis-cluster", settings.redis().name()))
                    .build(), options.build());
            agentPools.add(agentPool);
            names.add(name);
            previous = agentPool;
        }

        // format exec: on clusters with Microsoft Entra ID, AKS returns a kubeconfig whose user runs kubelogin
        // (ListClusterUserCredentials, format: "Format 'exec' will return exec format kubeconfig, which requires
        // kubelogin binary in the path"); the default 'azure' format uses the auth provider that client-go removed
        // in Kubernetes 1.26. Clusters with local accounts ignore the format.
        Output<String> kubeconfig = ContainerserviceFunctions.listManagedClusterUserCredentials(
                        ListManagedClusterUserCredentialsArgs.builder()
                                .resourceGroupName(target.resourceGroup())
                                .resourceName(target.name())
                                .format("exec")
                                .build())
                .applyValue(r -> AksKubeconfig.nonInteractive(
                        new String(Base64.getDecoder().decode(r.kubeconfigs().get(0).value()), StandardCharsets.UTF_8),
                        target.kubeloginMode()))
                .asSecret();
        var provider = new Provider("aks", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                KubernetesProviderPlugin.providerOptions());
        return new ClusterConnection(provider, agentPools, Output.of(target.name()), Output.of(names), kubeconfig);
    }
}
