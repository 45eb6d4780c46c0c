package io.redisenterprise.infra.redis;

import java.util.List;
import java.util.Map;

/**
 * An admission policy that refuses to shrink the Redis Enterprise StatefulSet (by {@code pulumi up},
 * {@code kubectl scale} or anything else) unless the StatefulSet carries the confirmation annotation for the new
 * size: Redis Enterprise nodes must leave the cluster before their pods go, so a smaller count is never an accident.
 * The policy's shape and its binding are {@link UpdateGuard}'s.
 */
final class ScaleDownGuard {
    /** The annotation that confirms a scale-down; its value must equal the new replica count. */
    static final String CONFIRM_ANNOTATION = "redis.io/confirm-scale-down";

    private ScaleDownGuard() {
    }

    static String policyName(String namespace, String statefulSet) {
        return namespace + "-" + statefulSet + "-scale-down-guard";
    }

    static Map<String, Object> policySpec(String statefulSet) {
        String expression = "object.spec.replicas >= oldObject.spec.replicas || (request.subResource == ''"
                + " && has(object.metadata.annotations)"
                + " && '" + CONFIRM_ANNOTATION + "' in object.metadata.annotations"
                + " && object.metadata.annotations['" + CONFIRM_ANNOTATION + "'] == string(object.spec.replicas))";
        return UpdateGuard.policySpec(
                new UpdateGuard.Target("apps", "v1", List.of("statefulsets", "statefulsets/scale"), statefulSet),
                List.of(new UpdateGuard.Validation(expression,
                        "Redis Enterprise nodes must leave the cluster before their pods are removed: remove them"
                                + " with rladmin first, then set redis-enterprise:redis.confirmScaleDown to the new"
                                + " redis.nodes (README, Day-2 operations)")));
    }
}
