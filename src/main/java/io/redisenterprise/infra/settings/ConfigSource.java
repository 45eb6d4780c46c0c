package io.redisenterprise.infra.settings;

import java.util.Optional;
import java.util.Set;

/**
 * Where raw configuration comes from: Pulumi's deployment config during {@code pulumi up/preview}, or a stack
 * file read from disk by the offline plan. Keys are fully qualified, e.g. {@code redis-enterprise:cloud} or
 * {@code aws:region}.
 */
public interface ConfigSource {
    /** The value of one key, or empty when the stack does not set it. */
    Optional<ConfigValue> get(String fullKey);

    /** Every key the stack sets, in every namespace, so that keys nobody reads are found and refused. */
    Set<String> keys();
}
