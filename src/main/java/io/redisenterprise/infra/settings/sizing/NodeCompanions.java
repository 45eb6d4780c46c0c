package io.redisenterprise.infra.settings.sizing;

import io.redisenterprise.infra.settings.Quantity;
import java.util.List;

/**
 * Everything that may run on a Redis VM besides the Redis Enterprise container, with requests equal to limits: sizing
 * leaves room for all of it on every VM, so every pod schedules. The deployment that creates these pods sets exactly
 * these figures, so the sizing and the pods cannot disagree.
 *
 * @param description how refusal messages name the companions ("the bootstrap sidecar")
 */
public record NodeCompanions(String description, List<Companion> pods) {

    /**
     * One pod or container next to Redis.
     *
     * @param name   what it is called in Kubernetes or in the operator's documentation
     * @param source where the figure comes from
     */
    public record Companion(String name, Quantity cpu, Quantity memory, String source) {
    }

    /** This program's bootstrap sidecar, in every Redis pod; the same size as the operator's bootstrapper. */
    public static final NodeCompanions STATEFULSET = new NodeCompanions("the bootstrap sidecar", List.of(
            new Companion("bootstrap sidecar", PodSizing.DEFAULT_SIDECAR_CPU, PodSizing.DEFAULT_SIDECAR_MEMORY,
                    "this program's RedisPodTemplate; the operator's bootstrapperResources default")));

    /**
     * What the Redis Enterprise operator runs on the nodes a RedisEnterpriseCluster's {@code nodeSelector} selects: its
     * {@code nodeSelector} "applies to all pods managed by the operator: Redis Enterprise nodes, Services Rigger, and
     * Call Home Client" (REC CRD of operator 8.0.20-23). The Redis pods are one per VM and fill it, so the single
     * services rigger and the daily call-home job can only schedule where every VM left room for them. Figures are the
     * operator's documented defaults (RedisLabs/redis-enterprise-k8s-docs@2c2f61d, redis_enterprise_cluster_api.md:
     * bootstrapperResources "0.1 CPUs and 128Mi memory", redisEnterpriseServicesRiggerResources "0.5 CPU and 0.5GB
     * memory", usageMeter.callHomeClient.resources "0.25 CPU and 256Mi memory"); the deployment sets them explicitly
     * with requests = limits, 0.5GB as 512Mi.
     */
    public static final NodeCompanions OPERATOR = new NodeCompanions(
            "the operator's bootstrapper, services rigger and call-home client", List.of(
            new Companion("bootstrapper", Quantity.of("100m"), Quantity.of("128Mi"),
                    "REC spec.bootstrapperResources default: 0.1 CPUs and 128Mi memory"),
            new Companion("services rigger", Quantity.of("500m"), Quantity.of("512Mi"),
                    "REC spec.redisEnterpriseServicesRiggerResources default: 0.5 CPU and 0.5GB memory"),
            new Companion("call home client", Quantity.of("250m"), Quantity.of("256Mi"),
                    "REC spec.usageMeter.callHomeClient.resources default: 0.25 CPU and 256Mi memory")));

    public NodeCompanions {
        pods = List.copyOf(pods);
    }

    /** The companion of that name; fails loudly on a name this record does not hold. */
    public Companion named(String name) {
        return pods.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no companion named " + name + " in " + pods));
    }

    /** CPU of all companions together, in millicores. */
    public Quantity cpu() {
        return Quantity.ofMillicores(pods.stream().mapToLong(p -> p.cpu().millicores()).sum());
    }

    /** Memory of all companions together, in whole MiB. */
    public Quantity memory() {
        return Quantity.ofMebibytes(pods.stream().mapToLong(p -> PodSizing.ceilMebibytes(p.memory())).sum());
    }
}
