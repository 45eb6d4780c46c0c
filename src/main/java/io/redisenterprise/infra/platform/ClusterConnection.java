package io.redisenterprise.infra.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * What a platform hands to the Kubernetes layer: the explicit provider for the target cluster, the node pool
 * resources the Redis pods must wait for, and descriptive outputs.
 *
 * @param nodePoolNames each zone's pool as the cloud names it, in the order of the zones, as declared (so known in
 *                      {@code preview}): the stack exports it and compares it with the last deployment's
 * @param kubeconfig the kubeconfig the provider uses, as a secret output (empty string when ambient)
 */
public record ClusterConnection(
        Provider kubernetes,
        List<Resource> nodePools,
        Output<String> clusterName,
        Output<List<String>> nodePoolNames,
        Output<String> kubeconfig) {

    public ClusterConnection {
        nodePools = List.copyOf(nodePools);
    }
}
