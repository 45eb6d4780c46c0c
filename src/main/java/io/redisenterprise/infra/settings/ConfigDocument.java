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
            JsonNode node = raw instanceof String text && schema.holdsStructure(key) ? parse(text) : JSON.valueToTree(raw);
            config.set(key, value.get().secret() ? asInTheFile(node, schema.declared(key), schema) : node);
        }
        return new ConfigDocument(config, secret);
    }

    /**
     * A secret key's value as the stack file holds it: every place the schema declares a secret ({@code secure:} in
     * the file) is {@code {"secure": "[secret]"}} again. Pulumi marks only the top-level key secret and hands the
     * value over decrypted, so where a nested secret was plaintext in the file cannot be told apart; the whole key
     * being secret is what the program can check.
     */
    private static JsonNode asInTheFile(JsonNode value, JsonNode declared, StackSchema schema) {
        if (schema.isSecret(declared)) {
            return value.isValueNode() ? JsonNodeFactory.instance.objectNode().put("secure", SecretText.MASK) : value;
        }
        JsonNode shape = schema.resolve(declared);
        if (value.isObject() && shape.has("properties")) {
            ObjectNode out = value.deepCopy();
            value.fields().forEachRemaining(f -> out.set(f.getKey(),
                    asInTheFile(f.getValue(), shape.get("properties").path(f.getKey()), schema)));
            return out;
        }
        if (value.isArray() && shape.has("items")) {
            var out = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> out.add(asInTheFile(item, shape.get("items"), schema)));
            return out;
        }
        return value;
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
