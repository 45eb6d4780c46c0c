package io.redisenterprise.infra.platform.kubernetes;

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
import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.StorageSettings;
import java.util.List;
import java.util.Optional;

/**
 * Any conformant cluster reached by kubeconfig (kind, minikube, PKS, on-prem, OpenShift). It creates no node
 * pool: the cluster's operator labels and taints the Redis nodes as {@link Placement} says (see the README).
 */
public final class ExistingClusterPlatform implements Platform {

    @Override
    public Cloud cloud() {
        return Cloud.KUBERNETES;
    }

    @Override
    public Optional<StorageClassSpec> storageClass(Settings settings) {
        StorageSettings storage = settings.storage();
        if (!storage.createsClass()) {
            return Optional.empty();
        }
        return storage.provisioner().map(p -> new StorageClassSpec(storage.className(), p, storage.parameters()));
    }

    @Override
    public ClusterConnection connect(Settings settings, Placement placement) {
        var target = (ClusterTarget.Existing) settings.cluster();
        var args = ProviderArgs.builder();
        // An explicit provider even here: with no kubeconfig given it reads KUBECONFIG / ~/.kube/config, which is
        // the documented choice for this cloud, not an accident of default providers.
        target.kubeconfig().ifPresent(args::kubeconfig);
        target.context().ifPresent(args::context);
        var provider = new Provider("existing-cluster", args.build(), KubernetesProviderPlugin.providerOptions());
        return new ClusterConnection(
                provider,
                List.of(),
                Output.of(target.displayName()),
                Output.of(List.of()),
                Output.ofSecret(target.kubeconfig().orElse("")));
    }
}
