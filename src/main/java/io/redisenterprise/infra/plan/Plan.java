package io.redisenterprise.infra.plan;

import io.redisenterprise.infra.settings.Settings;
import java.util.List;
import java.util.Map;

/**
 * What a stack would create, as the offline run of the real program saw it: every resource with its inputs,
 * and the stack outputs, with everything the program treats as secret already masked.
 */
public record Plan(String project, String stack, Settings settings, List<PlannedResource> resources,
                   Map<String, Object> outputs) {

    public List<PlannedResource> kubernetesObjects() {
        return resources.stream().filter(PlannedResource::isKubernetesObject).toList();
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }
}
