package io.redisenterprise.infra.plan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One resource the program registered, with the inputs the provider would receive (numbers normalised, secrets
 * not yet masked) and the names of the inputs the program marked secret.
 */
public record PlannedResource(String type, String name, Optional<String> parent, Optional<String> provider,
                              Map<String, Object> inputs, Set<String> secretInputs) {

    public boolean isKubernetesObject() {
        return type.startsWith("kubernetes:") && inputs.containsKey("kind");
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
