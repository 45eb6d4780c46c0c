package io.redisenterprise.infra.settings;

/** Everything a stack asks for, read and validated once before any resource is registered. */
public record Settings(
        String project,
        Cloud cloud,
        ClusterTarget cluster,
        NodePoolSettings nodePool,
        StorageSettings storage,
        RedisSettings redis,
        CredentialSettings credentials,
        ServiceSettings services,
        DeploymentSettings deployment,
        java.util.List<DatabaseSettings> databases,
        java.util.Optional<SizingReport> sizing,
        java.util.List<String> warnings) {

    public Settings {
        databases = java.util.List.copyOf(databases);
        warnings = java.util.List.copyOf(warnings);
    }
}
