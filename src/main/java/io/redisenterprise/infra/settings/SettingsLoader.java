package io.redisenterprise.infra.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the stack configuration once, validates all of it, and returns immutable {@link Settings}, or throws
 * {@link InvalidConfigException} listing every problem, one line each. Structure (types, allowed values, closed
 * objects, unknown keys) is the stack schema's ({@link StackSchema}); the rules that span keys or depend on the
 * cloud are Java, one small reader per config object.
 */
public final class SettingsLoader {
    /** The project's config namespace ({@code name} in Pulumi.yaml). */
    public static final String NAMESPACE = "redis-enterprise";

    /** Stands for secrets the offline plan cannot read, and is how any secret prints ({@link SecretText}). */
    public static final String PLAN_PLACEHOLDER = SecretText.MASK;

    private SettingsLoader() {
    }

    /** Settings for {@code pulumi up/preview}: every rule applies. */
    public static Settings load(ConfigSource source) {
        return read(source, false);
    }

    /**
     * Settings for the offline plan: the same rules, except that a secret the stack file cannot hold yet (the
     * admin password, set with {@code pulumi config set --secret}) is planned with a placeholder and a warning.
     */
    public static Settings loadForPlan(ConfigSource source) {
        return read(source, true);
    }

    private static Settings read(ConfigSource source, boolean planning) {
        StackSchema schema = StackSchema.standard();
        ConfigDocument document = ConfigDocument.read(source, schema);
        StackSchema.Findings findings = schema.check(document.json(), document.secretPointers());
        List<ConfigProblem> all = new ArrayList<>(findings.problems());
        Problems problems = new Problems(NAMESPACE);
        List<String> warnings = new ArrayList<>();

        Optional<Cloud> cloud = Cloud.fromKey(document.value(NAMESPACE + ":cloud").asText(""));
        if (cloud.isEmpty()) {
            // Everything else depends on the cloud; the schema has said what is wrong with it.
            throw new InvalidConfigException(all);
        }
        ReadContext c = new ReadContext(cloud.get(), source, document, findings.invalid(), problems, warnings, schema,
                planning);
        ClusterTarget target = ClusterReader.read(c);
        ConfigObject redis = c.object("redis");
        ConfigObject pool = c.object("nodePool");
        int nodes = RedisReader.nodes(c, redis);
        DeploymentMode mode = DeploymentReader.mode(redis);
        NodePoolSettings poolDraft = NodePoolReader.read(c, pool, target, nodes, redis.usable("nodes"));
        PodSizer.PodSize size = PodSizer.size(c, poolDraft, pool, redis, mode.companions());
        RedisSettings redisSettings = RedisReader.read(c, redis, nodes, size);
        DeploymentSettings deployment = DeploymentReader.read(c, redis, mode, redisSettings);
        NodePoolSettings poolSettings = NodePoolReader.bootDisk(c, pool, poolDraft, size.memory(), size.memoryKnown());
        // A volume size is real when given and accepted, or derived from a real memory size.
        boolean volumeKnown = redis.has("volumeSize") ? redis.valid("volumeSize") && redisSettings.volumeSize().isPositive()
                : size.memoryKnown();
        StorageSettings storage = StorageReader.read(c, poolSettings, pool, redis, redisSettings.volumeSize(), volumeKnown);
        CredentialSettings credentials = CredentialsReader.read(c);
        ServiceSettings services = ServicesReader.read(c);
        List<DatabaseSettings> databases = DatabasesReader.read(c, redisSettings, size.memoryKnown(), poolSettings,
                credentials, deployment);
        all.addAll(problems.all());
        if (!all.isEmpty()) {
            throw new InvalidConfigException(all);
        }
        return new Settings(NAMESPACE, cloud.get(), target, poolSettings, storage, redisSettings, credentials,
                services, deployment, databases, size.report(), warnings);
    }
}
