package io.redisenterprise.infra.redis;

import static io.redisenterprise.infra.TestStacks.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.Plan;
import io.redisenterprise.infra.plan.PlannedResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Both deployments make the namespace, the administrator's Secret and the licence Secret alike: same Pulumi names,
 * types and inputs (only the Pod Security labels and the parent component differ), so neither mode's existing
 * stacks see a replacement, and the guards share one policy shape.
 */
class NamespaceAndSecretsTest {
    static final Predicate<PlannedResource> SHARED = r -> r.type().equals("kubernetes:core/v1:Namespace")
            || r.type().equals("kubernetes:core/v1:Secret");

    static Plan plan(boolean statefulSet) {
        TestStacks.Config config = TestStacks.gcp().secret("license", "----- LICENSE -----");
        return (statefulSet ? config.statefulSet() : config).plan();
    }

    @Test
    void theNamespaceAndSecretsAreTheSameInBothDeployments() {
        Plan operator = plan(false);
        Plan statefulSet = plan(true);
        assertThat(shared(operator).keySet()).containsExactlyInAnyOrder(
                "kubernetes:core/v1:Namespace::redis-enterprise-namespace",
                "kubernetes:core/v1:Secret::redis-enterprise-admin-credentials",
                "kubernetes:core/v1:Secret::redis-enterprise-license");
        assertThat(shared(statefulSet).keySet()).isEqualTo(shared(operator).keySet());
        shared(operator).forEach((key, r) -> {
            PlannedResource other = shared(statefulSet).get(key);
            assertThat(withoutPodSecurity(other.inputs())).as(key).isEqualTo(withoutPodSecurity(r.inputs()));
            assertThat(other.secretInputs()).as(key).isEqualTo(r.secretInputs());
            assertThat(other.isProtected()).as(key).isEqualTo(r.isProtected());
        });
        assertThat(at(shared(operator).get("kubernetes:core/v1:Secret::redis-enterprise-admin-credentials").inputs(),
                "metadata", "name")).isEqualTo(NamespaceAndSecrets.credentialsSecretName("redis-enterprise"))
                .isEqualTo("redis-enterprise-admin");
        assertThat(shared(operator).values()).allSatisfy(r -> assertThat(r.parent())
                .contains("redis-enterprise:index:OperatorDeployment::redis-enterprise"));
        assertThat(shared(statefulSet).values()).allSatisfy(r -> assertThat(r.parent())
                .contains("redis-enterprise:index:RedisEnterpriseCluster::redis-enterprise"));
    }

    @Test
    void bothGuardsCheckUpdatesOfOneNamedObjectAndBindToTheNamespace() {
        for (Plan plan : List.of(plan(false), plan(true))) {
            Map<String, Object> policy = TestStacks.only(plan, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy").inputs();
            Map<String, Object> binding = TestStacks.only(plan, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding").inputs();
            assertThat(at(policy, "spec", "failurePolicy")).isEqualTo("Fail");
            assertThat(at(policy, "spec", "matchConstraints", "resourceRules", 0, "operations")).isEqualTo(List.of("UPDATE"));
            assertThat(at(policy, "spec", "matchConstraints", "resourceRules", 0, "resourceNames")).isEqualTo(List.of("redis-enterprise"));
            assertThat(binding.get("spec")).isEqualTo(Map.of("policyName", at(policy, "metadata", "name"),
                    "validationActions", List.of("Deny"), "matchResources", Map.of("namespaceSelector",
                            Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "redis-enterprise")))));
        }
    }

    private static Map<String, PlannedResource> shared(Plan plan) {
        Map<String, PlannedResource> out = new LinkedHashMap<>();
        plan.resources().stream().filter(SHARED)
                .sorted(java.util.Comparator.comparing(PlannedResource::name))
                .forEach(r -> out.put(r.type() + "::" + r.name(), r));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutPodSecurity(Map<String, Object> inputs) {
        Map<String, Object> copy = new LinkedHashMap<>(inputs);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) copy.get("metadata"));
        Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) metadata.get("labels"));
        labels.keySet().removeIf(k -> k.startsWith("pod-security.kubernetes.io/"));
        metadata.put("labels", labels);
        copy.put("metadata", metadata);
        return copy;
    }
}
