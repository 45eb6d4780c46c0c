package io.redisenterprise.infra.platform;

import java.util.Map;

/**
 * What a cloud's CSI driver needs in a StorageClass for Redis Enterprise data: the provisioner and only the
 * parameters that driver accepts. Binding mode, expansion and reclaim policy are the same everywhere.
 */
public record StorageClassSpec(String name, String provisioner, Map<String, String> parameters) {
    public StorageClassSpec {
        parameters = Map.copyOf(parameters);
    }
}
