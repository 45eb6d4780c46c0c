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
    private final Set<String> secretPointers;

    private ConfigDocument(ObjectNode config, Set<String> secretPointers) {
        this.config = config;
        this.secretPointers = Set.copyOf(secretPointers);
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
            String keyPointer = StackSchema.pointerOf(java.util.List.of(key));
            Optional<Set<String>> paths = value.get().securePaths();
            if (value.get().secret()) {
                // Known places (a stack file) are the only secret values; otherwise the whole key is.
                paths.ifPresentOrElse(p -> p.forEach(path -> secret.add(keyPointer + path)), () -> secret.add(keyPointer));
            }
            JsonNode node = raw instanceof String text && schema.holdsStructure(key) ? parse(text) : JSON.valueToTree(raw);
            config.set(key, value.get().secret()
                    ? asInTheFile(node, schema.declared(key), schema, "", paths.orElse(null)) : node);
        }
        return new ConfigDocument(config, secret);
    }

    /**
     * A secret key's value as the stack file holds it: each place the schema declares a secret ({@code secure:} in
     * the file) is {@code {"secure": "[secret]"}} again when it was a secret there. A stack file says which places
     * were ({@code securePaths}), so a plaintext value where a secret belongs is refused by the schema. Pulumi's
     * runtime marks only the whole key secret and hands it over decrypted ({@code securePaths} null): every declared
     * place then counts as a secret, as the program cannot tell; the plan of the same stack file does the check.
     */
    private static JsonNode asInTheFile(JsonNode value, JsonNode declared, StackSchema schema, String at,
                                        Set<String> securePaths) {
        if (schema.isSecret(declared)) {
            boolean wasSecure = securePaths == null || securePaths.contains(at);
            return value.isValueNode() && wasSecure
                    ? JsonNodeFactory.instance.objectNode().put("secure", SecretText.MASK) : value;
        }
        JsonNode shape = schema.resolve(declared);
        if (value.isObject() && shape.has("properties")) {
            ObjectNode out = value.deepCopy();
            value.fields().forEachRemaining(f -> out.set(f.getKey(), asInTheFile(f.getValue(),
                    shape.get("properties").path(f.getKey()), schema,
                    at + StackSchema.pointerOf(java.util.List.of(f.getKey())), securePaths)));
            return out;
        }
        if (value.isArray() && shape.has("items")) {
            var out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                out.add(asInTheFile(value.get(i), shape.get("items"), schema, at + "/" + i, securePaths));
            }
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

    /**
     * JSON pointers (below {@code /config}) of the secret values: exactly the {@code secure:} places when the
     * source knows them (a stack file), else the whole key (Pulumi's runtime). A value at, inside or holding one of
     * them never appears in a problem line.
     */
    Set<String> secretPointers() {
        return secretPointers;
    }

    /** The value of a key, or a missing node. */
    JsonNode value(String fullKey) {
        JsonNode v = config.get(fullKey);
        return v == null ? MissingNode.getInstance() : v;
    }
}
