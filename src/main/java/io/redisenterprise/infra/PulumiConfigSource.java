package io.redisenterprise.infra;

import com.pulumi.Context;
import io.redisenterprise.infra.settings.ConfigSource;
import io.redisenterprise.infra.settings.ConfigValue;
import java.util.Optional;

/** Raw configuration from the Pulumi engine during {@code pulumi up/preview}: objects arrive as JSON text. */
final class PulumiConfigSource implements ConfigSource {
    private final Context ctx;

    PulumiConfigSource(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Optional<ConfigValue> get(String fullKey) {
        int colon = fullKey.indexOf(':');
        String namespace = fullKey.substring(0, colon);
        String key = fullKey.substring(colon + 1);
        return ctx.config(namespace).get(key).map(ConfigValue::plain);
    }
}
