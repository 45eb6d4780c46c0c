package io.redisenterprise.infra.settings;

/**
 * The Redis Enterprise cluster: how many nodes, how each pod is sized, and where it lives.
 *
 * @param nodes Redis Enterprise nodes (pods); odd so the cluster keeps a quorum
 */
public record RedisSettings(
        int nodes,
        Quantity cpu,
        Quantity memory,
        Quantity volumeSize,
        String image,
        String namespace,
        String name,
        AntiAffinity antiAffinity) {
}
