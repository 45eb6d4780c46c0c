package io.redisenterprise.infra.settings;

/**
 * A raw configuration value as Pulumi stores it: text (objects and lists as JSON or YAML text, or already
 * parsed structures from a stack file), plus whether the stack marked it secret.
 */
public record ConfigValue(Object raw, boolean secret) {

    public static ConfigValue plain(Object raw) {
        return new ConfigValue(raw, false);
    }

    public static ConfigValue secret(Object raw) {
        return new ConfigValue(raw, true);
    }
}
