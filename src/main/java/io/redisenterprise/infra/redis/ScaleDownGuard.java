package io.redisenterprise.infra.redis;

import java.util.List;
import java.util.Map;

/**
 * An admission policy that refuses to shrink the Redis Enterprise StatefulSet (by {@code pulumi up},
 * {@code kubectl scale} or anything else) unless the StatefulSet carries the confirmation annotation for the new
 * size: Redis Enterprise nodes must leave the cluster before their pods go, so a smaller count is never an accident.
 */
final class ScaleDownGuard {
    static final String API_VERSION = "admissionregistration.k8s.io/v1";
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
        return Map.of(
                "failurePolicy", "Fail",
                "matchConstraints", Map.of("resourceRules", List.of(Map.of(
                        "apiGroups", List.of("apps"),
                        "apiVersions", List.of("v1"),
                        "operations", List.of("UPDATE"),
                        "resources", List.of("statefulsets", "statefulsets/scale"),
                        "resourceNames", List.of(statefulSet)))),
                "validations", List.of(Map.of(
                        "expression", expression,
                        "message", "Redis Enterprise nodes must leave the cluster before their pods are removed: remove them"
                                + " with rladmin first, then set redis-enterprise:redis.confirmScaleDown to the new"
                                + " redis.nodes (README, Day-2 operations)")));
    }

    static Map<String, Object> bindingSpec(String namespace, String policy) {
        return Map.of(
                "policyName", policy,
                "validationActions", List.of("Deny"),
                "matchResources", Map.of("namespaceSelector", Map.of("matchLabels",
                        Map.of("kubernetes.io/metadata.name", namespace))));
    }
}
