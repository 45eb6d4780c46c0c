package io.redisenterprise.infra.settings;

/**
 * The Redis Enterprise cluster: how many nodes, how each pod is sized, and where it lives.
 *
 * @param nodes             Redis Enterprise nodes (pods); odd so the cluster keeps a quorum
 * @param bootstrapImage    image of the sidecar that forms the cluster (stdlib Python, pinned)
 * @param confirmScaleDown  set to the new, smaller {@code nodes} to acknowledge a scale-down
 * @param protect           protect stateful resources from deletion and replacement
 */
public record RedisSettings(
        int nodes,
        Quantity cpu,
        Quantity memory,
        Quantity volumeSize,
        String image,
        String namespace,
        String name,
        AntiAffinity antiAffinity,
        String bootstrapImage,
        java.util.OptionalInt confirmScaleDown,
        boolean protect) {

    /** The Redis Enterprise cluster name: the headless service's FQDN, as the operator names it. */
    public String clusterFqdn() {
        return serviceFqdn(name);
    }

    /** The in-cluster DNS name of a Service in this cluster's namespace. */
    public String serviceFqdn(String service) {
        return service + "." + namespace + ".svc.cluster.local";
    }
}
