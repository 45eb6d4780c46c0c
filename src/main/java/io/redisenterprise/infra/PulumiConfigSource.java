package io.redisenterprise.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.Context;
import io.redisenterprise.infra.settings.ConfigSource;
import io.redisenterprise.infra.settings.ConfigValue;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Raw configuration from the Pulumi engine during {@code pulumi up/preview}: objects arrive as JSON text. */
final class PulumiConfigSource implements ConfigSource {
    /** The language host lists the keys whose values were {@code secure:} in the stack (Pulumi's runtime protocol). */
    static final String SECRET_KEYS_ENV = "PULUMI_CONFIG_SECRET_KEYS";
    /** The language host passes the whole stack configuration as one JSON object (Pulumi's runtime protocol). */
    static final String CONFIG_ENV = "PULUMI_CONFIG";

    private final Context ctx;
    private final Set<String> secretKeys;
    private final Set<String> keys;

    PulumiConfigSource(Context ctx) {
        this.ctx = ctx;
        this.secretKeys = parseSecretKeys(System.getenv(SECRET_KEYS_ENV));
        this.keys = parseKeys(System.getenv(CONFIG_ENV));
    }

    /**
     * The keys of the configuration the language host passed. Older hosts spell them
     * {@code <namespace>:config:<key>}; the SDK's own Config reads both spellings, so this does too.
     */
    static Set<String> parseKeys(String json) {
        Set<String> out = new TreeSet<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try {
            Iterator<String> names = new ObjectMapper().readTree(json).fieldNames();
            names.forEachRemaining(k -> out.add(k.replaceFirst("^([^:]+):config:", "$1:")));
        } catch (JsonProcessingException e) {
            return out;
        }
        return out;
    }

    static Set<String> parseSecretKeys(String json) {
        if (json == null || json.isBlank()) {
            return Set.of();
        }
        try {
            return Set.of(new ObjectMapper().readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            return Set.of();
        }
    }

    @Override
    public Set<String> keys() {
        return keys;
    }

    @Override
    public Optional<ConfigValue> get(String fullKey) {
        int colon = fullKey.indexOf(':');
        String namespace = fullKey.substring(0, colon);
        String key = fullKey.substring(colon + 1);
        boolean secret = secretKeys.contains(fullKey);
        return ctx.config(namespace).get(key).map(v -> new ConfigValue(v, secret));
    }
}
