package io.redisenterprise.infra.plan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One resource the program registered, with the inputs the provider would receive (numbers normalised, secrets
 * not yet masked), the names of the inputs the program marked secret, and the resource options that matter to
 * reviewers (dependsOn, protect, retainOnDelete, deleteBeforeReplace, replaceOnChanges, customTimeouts).
 */
public record PlannedResource(String type, String name, Optional<String> parent, Optional<String> provider,
                              Map<String, Object> inputs, Set<String> secretInputs, Map<String, Object> options) {

    /** Explicit dependencies ("type::name"), as the engine would order them. */
    @SuppressWarnings("unchecked")
    public java.util.List<String> dependsOn() {
        return (java.util.List<String>) options.getOrDefault("dependsOn", java.util.List.of());
    }

    public boolean isProtected() {
        return Boolean.TRUE.equals(options.get("protect"));
    }

    public boolean isRetainedOnDelete() {
        return Boolean.TRUE.equals(options.get("retainOnDelete"));
    }

    /** A whole Kubernetes object to create (patches of existing objects are partial and listed in plan.json only). */
    public boolean isKubernetesObject() {
        return type.startsWith("kubernetes:") && inputs.containsKey("kind") && !type.endsWith("Patch");
    }

    /** Cloud resources first, then the provider, the component and the Kubernetes objects. */
    public int layerRank() {
        String l = layer();
        return l.startsWith("cloud") ? 0 : l.equals("providers") ? 1 : l.equals("components") ? 2 : 3;
    }

    public String layer() {
        if (type.startsWith("pulumi:providers:")) {
            return "providers";
        }
        if (type.startsWith("kubernetes:")) {
            return "kubernetes";
        }
        if (type.startsWith("redis-enterprise:")) {
            return "components";
        }
        return "cloud (" + type.substring(0, type.indexOf(':')) + ")";
    }
}
