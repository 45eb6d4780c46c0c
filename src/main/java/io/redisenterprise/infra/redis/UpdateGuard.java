package io.redisenterprise.infra.redis;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A ValidatingAdmissionPolicy that checks every UPDATE of one named object with CEL expressions, and its binding to the
 * object's namespace: the shape both deployments' guards share (the StatefulSet's scale-down guard, the operator
 * mode's cluster guard); each keeps its own expressions and messages. Checked by the API server whoever sends the
 * update ({@code pulumi up}, {@code pulumi preview}'s server-side dry run, {@code kubectl}), because the program sees
 * only its own last outputs, not the live object. {@code admissionregistration.k8s.io/v1} policies are GA in
 * Kubernetes 1.30 (https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/), this
 * program's minimum; both are registered as {@link KubernetesObject}, since the pinned Kubernetes SDK predates the GA.
 */
public final class UpdateGuard {
    public static final String API_VERSION = "admissionregistration.k8s.io/v1";
    static final String POLICY_KIND = "ValidatingAdmissionPolicy";
    static final String BINDING_KIND = "ValidatingAdmissionPolicyBinding";

    /** One check: a CEL expression over {@code object} and {@code oldObject}, and the message when it is false. */
    public record Validation(String expression, String message) {
        Map<String, Object> toKubernetes() {
            return Map.of("expression", expression, "message", message);
        }
    }

    /**
     * The guarded object: its API group and version, the resources (and subresources) whose updates are checked, and
     * its name.
     */
    public record Target(String apiGroup, String apiVersion, List<String> resources, String name) {
        public Target {
            resources = List.copyOf(resources);
        }
    }

    private UpdateGuard() {
    }

    /**
     * The policy's spec: {@code failurePolicy: Fail} (an API server that cannot evaluate the policy refuses the update
     * rather than letting it through), UPDATE of exactly the target, every validation.
     */
    public static Map<String, Object> policySpec(Target target, List<Validation> validations) {
        return Map.of(
                "failurePolicy", "Fail",
                "matchConstraints", Map.of("resourceRules", List.of(Map.of(
                        "apiGroups", List.of(target.apiGroup()),
                        // Requests through another served version are converted and matched too (matchPolicy
                        // Equivalent, the default).
                        "apiVersions", List.of(target.apiVersion()),
                        "operations", List.of("UPDATE"),
                        "resources", target.resources(),
                        "resourceNames", List.of(target.name())))),
                "validations", validations.stream().map(Validation::toKubernetes).toList());
    }

    /** The binding's spec: the policy, denying, in the namespace named (by its {@code kubernetes.io/metadata.name}). */
    public static Map<String, Object> bindingSpec(String namespace, String policy) {
        return Map.of(
                "policyName", policy,
                "validationActions", List.of("Deny"),
                "matchResources", Map.of("namespaceSelector", Map.of("matchLabels",
                        Map.of("kubernetes.io/metadata.name", namespace))));
    }

    /**
     * Registers the policy (Pulumi name {@code resourceName}) and its binding ({@code resourceName-binding}), both
     * named {@code policyName} in Kubernetes; the binding waits for the policy and for {@code bindingWaitsFor} (the
     * namespace, when the stack creates it).
     *
     * @param options the caller's options for a child with the given dependencies (parent, explicit provider)
     * @return the policy
     */
    public static KubernetesObject register(String resourceName, String policyName, Map<String, String> labels,
                                            String namespace, Map<String, Object> policySpec,
                                            List<? extends Resource> bindingWaitsFor,
                                            Function<List<Resource>, CustomResourceOptions> options) {
        var policy = new KubernetesObject(resourceName, API_VERSION, POLICY_KIND,
                Map.of("name", policyName, "labels", labels), policySpec, options.apply(List.of()));
        List<Resource> deps = new ArrayList<>(bindingWaitsFor);
        deps.add(policy);
        new KubernetesObject(resourceName + "-binding", API_VERSION, BINDING_KIND,
                Map.of("name", policyName, "labels", labels), bindingSpec(namespace, policyName), options.apply(deps));
        return policy;
    }
}
