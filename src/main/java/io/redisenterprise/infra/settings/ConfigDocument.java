package io.redisenterprise.infra.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stack's whole configuration as one JSON document shaped like a stack file's {@code config:} map, whichever
 * way it arrived: {@code pulumi up} hands objects over as JSON text and secrets decrypted, the offline plan reads
 * the YAML file. A secret value of a key that must hold a secret is written {@code {"secure": "[secret]"}}, as
 * in the stack file, so the schema sees the same shape in both cases and never the plaintext.
 */
final class ConfigDocument {
    /** Numbers keep every digit as typed (1e400 stays 1E+400, not Infinity), so a refusal can show what was typed. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final ObjectNode config;
    private final Set<String> secretKeys;

    private ConfigDocument(ObjectNode config, Set<String> secretKeys) {
        this.config = config;
        this.secretKeys = Set.copyOf(secretKeys);
    }

    static ConfigDocument read(ConfigSource source, StackSchema schema) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        Set<String> secret = new HashSet<>();
        for (String key : new TreeSet<>(source.keys())) {
            Optional<ConfigValue> value = source.get(key);
            if (value.isEmpty() || value.get().raw() == null) {
                continue;
            }
            Object raw = value.get().raw();
            if (value.get().secret()) {
                secret.add(key);
            }
            if (value.get().secret() && schema.holdsSecret(key) && !(raw instanceof java.util.Map<?, ?>)) {
                config.set(key, JsonNodeFactory.instance.objectNode().put("secure", SecretText.MASK));
            } else if (raw instanceof String text && schema.holdsStructure(key)) {
                config.set(key, parse(text));
            } else {
                config.set(key, JSON.valueToTree(raw));
            }
        }
        return new ConfigDocument(config, secret);
    }

    /** Pulumi hands object- and list-valued keys to the program as JSON text. */
    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? TextNode.valueOf(text) : node;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    /** The document the schema checks. */
    JsonNode json() {
        return config;
    }

    /** Keys whose values were secret in the stack. */
    Set<String> secretKeys() {
        return secretKeys;
    }

    /** The value of a key, or a missing node. */
    JsonNode value(String fullKey) {
        JsonNode v = config.get(fullKey);
        return v == null ? MissingNode.getInstance() : v;
    }
}
