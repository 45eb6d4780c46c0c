package io.redisenterprise.infra.redis.operator;

import io.redisenterprise.infra.redis.UpdateGuard;
import java.util.List;
import java.util.Map;

/**
 * An admission policy on the RedisEnterpriseCluster that refuses, whoever sends them ({@code pulumi up},
 * {@code kubectl apply}), the changes the operator cannot carry out: fewer nodes ("Decreasing the number of nodes is
 * not supported", https://redis.io/docs/latest/operate/kubernetes/recommendations/sizing-on-kubernetes/), another
 * storage class ("The storage class cannot be changed after deployment. Trying to change this value after deployment
 * could result in unexpected and potentially damaging behavior",
 * https://redis.io/docs/latest/operate/kubernetes/recommendations/persistent-volumes/) and smaller volumes ("Shrinking
 * (reducing the size) of your PVC is not allowed", https://redis.io/docs/latest/operate/kubernetes/re-clusters/expand-pvc/;
 * the default volume follows {@code redis.memory}, so a smaller machine would otherwise ask for it silently). The
 * program sees only its own last outputs, not the live object (which {@code kubectl} may have changed); the API server
 * sees the previous values, in {@code pulumi preview}'s server-side dry run too. The operator's own webhook does not validate clusters (chart
 * templates/webhook.yaml: databases only). Volume sizes compare with the Kubernetes CEL quantity library (in every
 * Kubernetes that serves admissionregistration.k8s.io/v1 policies, 1.30 and later). The policy's shape and its
 * binding are {@link UpdateGuard}'s.
 */
final class ClusterGuard {
    static final String FEWER_NODES = "the Redis Enterprise operator does not support decreasing spec.nodes: keep"
            + " redis.nodes, or move the data to a new, smaller cluster (README, Day-2 operations, operator mode)";
    static final String STORAGE_CLASS = "the storage class of an existing Redis Enterprise cluster cannot change: keep"
            + " the storage class settings, or move the data to a new cluster (README, Day-2 operations, operator mode)";
    static final String SMALLER_VOLUMES = "the volumes of a Redis Enterprise cluster can grow but never shrink: set"
            + " redis.volumeSize to at least its current size (README, Day-2 operations, operator mode)";

    private ClusterGuard() {
    }

    static String policyName(String namespace, String cluster) {
        return namespace + "-" + cluster + "-cluster-guard";
    }

    static Map<String, Object> policySpec(String cluster) {
        String nodes = "!has(oldObject.spec.nodes) || (has(object.spec.nodes) && object.spec.nodes >= oldObject.spec.nodes)";
        String storageClass = "!has(oldObject.spec.persistentSpec) || !has(oldObject.spec.persistentSpec.storageClassName)"
                + " || (has(object.spec.persistentSpec) && has(object.spec.persistentSpec.storageClassName)"
                + " && object.spec.persistentSpec.storageClassName == oldObject.spec.persistentSpec.storageClassName)";
        String volumeSize = "!has(oldObject.spec.persistentSpec) || !has(oldObject.spec.persistentSpec.volumeSize)"
                + " || (has(object.spec.persistentSpec) && has(object.spec.persistentSpec.volumeSize)"
                + " && quantity(string(object.spec.persistentSpec.volumeSize))"
                + ".compareTo(quantity(string(oldObject.spec.persistentSpec.volumeSize))) >= 0)";
        return UpdateGuard.policySpec(
                new UpdateGuard.Target(ClusterSpec.GROUP, ClusterSpec.VERSION, List.of(ClusterSpec.RESOURCE), cluster),
                List.of(new UpdateGuard.Validation(nodes, FEWER_NODES),
                        new UpdateGuard.Validation(storageClass, STORAGE_CLASS),
                        new UpdateGuard.Validation(volumeSize, SMALLER_VOLUMES)));
    }
}
