package io.redisenterprise.infra.settings;

import java.util.Optional;

/**
 * Where raw configuration comes from: Pulumi's deployment config during {@code pulumi up/preview}, or a stack
 * file read from disk by the offline plan. Keys are fully qualified, e.g. {@code redis-enterprise:cloud} or
 * {@code aws:region}.
 */
@FunctionalInterface
public interface ConfigSource {
    Optional<ConfigValue> get(String fullKey);
}
