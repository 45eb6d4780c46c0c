package io.redisenterprise.infra.settings;

import java.util.Optional;
import java.util.Set;

/**
 * A raw configuration value as Pulumi stores it: text (objects and lists as JSON or YAML text, or already
 * parsed structures from a stack file), plus whether the stack marked it secret.
 *
 * @param securePaths where inside the value the stack file wrote {@code secure:}, as JSON pointers relative to the
 *                    value ({@code ""} for the value itself, {@code /2/password} for a nested one), when the source
 *                    can tell: a stack file can; {@code pulumi up} cannot (Pulumi marks the whole key secret and
 *                    hands it over decrypted), so it is empty there
 */
public record ConfigValue(Object raw, boolean secret, Optional<Set<String>> securePaths) {

    public ConfigValue {
        securePaths = securePaths.map(Set::copyOf);
    }

    /** A value whose secure places are unknown (Pulumi's runtime): the whole value counts as secret if marked. */
    public ConfigValue(Object raw, boolean secret) {
        this(raw, secret, Optional.empty());
    }

    public static ConfigValue plain(Object raw) {
        return new ConfigValue(raw, false);
    }

    public static ConfigValue secret(Object raw) {
        return new ConfigValue(raw, true);
    }

    /** A value read from a stack file, with the places it wrote {@code secure:}; secret when there is any. */
    public static ConfigValue fromStackFile(Object raw, Set<String> securePaths) {
        return new ConfigValue(raw, !securePaths.isEmpty(), Optional.of(securePaths));
    }
}
