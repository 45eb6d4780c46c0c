package io.redisenterprise.infra.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates the Redis Enterprise operator's custom resources (group {@code app.redislabs.com}) strictly against the
 * operator's own CRDs, as the API server would, and stricter: an unknown field fails (the server would silently drop
 * it, since the CRDs prune unknown fields), and so does anything in {@code metadata} beyond the name, namespace,
 * labels and annotations this program sets.
 *
 * <p>The CRDs are vendored under {@code src/test/resources/crds/redis-enterprise-operator-<version>/} with their
 * provenance; the directory's version is the operator release they belong to ({@link #operatorVersion()}).
 */
public final class RedisEnterpriseCrdSchema {
    public static final String GROUP = "app.redislabs.com";
    static final String CRD_ROOT = "/crds";
    static final String DIRECTORY_PREFIX = "redis-enterprise-operator-";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private RedisEnterpriseCrdSchema() {
    }

    /** Whether the object is one of the operator's kinds (and so validated here rather than by KubernetesSchema). */
    public static boolean handles(JsonNode object) {
        return object.path("apiVersion").asText("").startsWith(GROUP + "/");
    }

    /** The operator release the vendored CRDs belong to, from their directory's name. */
    public static String operatorVersion() {
        return Vendored.VERSION;
    }

    /** Problems with the object, one human-readable line each; empty when the object is valid. */
    public static List<String> validate(Map<String, Object> object) {
        return validate((JsonNode) JSON.valueToTree(object));
    }

    /** As {@link #validate(Map)}, for a document parsed from YAML or JSON text. */
    public static List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        Schema schema = Vendored.SCHEMAS.get(apiVersion + " " + kind);
        if (schema == null) {
            return List.of("apiVersion " + apiVersion + " kind " + kind + " is not served by the CRDs of operator "
                    + Vendored.VERSION + " (served: " + Vendored.SCHEMAS.keySet() + ")");
        }
        List<String> problems = new ArrayList<>();
        for (Error e : schema.validate(object)) {
            String at = e.getInstanceLocation().toString();
            problems.add((at.isEmpty() ? "/" : at) + ": " + e.getMessage());
        }
        return problems;
    }

    /** The vendored CRDs, read once: one strict schema per served apiVersion and kind. */
    private static final class Vendored {
        static final Path DIRECTORY = directory();
        static final String VERSION = DIRECTORY.getFileName().toString().substring(DIRECTORY_PREFIX.length());
        static final Map<String, Schema> SCHEMAS = load();

        private static Path directory() {
            try {
                Path root = Path.of(RedisEnterpriseCrdSchema.class.getResource(CRD_ROOT).toURI());
                List<Path> found = new ArrayList<>();
                try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, DIRECTORY_PREFIX + "*")) {
                    dirs.forEach(found::add);
                }
                if (found.size() != 1) {
                    throw new IllegalStateException("expected exactly one " + DIRECTORY_PREFIX + "<version> directory"
                            + " under src/test/resources" + CRD_ROOT + ", found " + found);
                }
                return found.get(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException(CRD_ROOT + " is not on the test classpath", e);
            }
        }

        private static Map<String, Schema> load() {
            Map<String, Schema> schemas = new LinkedHashMap<>();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(DIRECTORY, "*_crd.yaml")) {
                for (Path file : files) {
                    JsonNode crd = YAML.readTree(file.toFile());
                    String group = crd.at("/spec/group").asText();
                    String kind = crd.at("/spec/names/kind").asText();
                    for (JsonNode version : crd.at("/spec/versions")) {
                        if (!version.path("served").asBoolean(false)) {
                            continue;
                        }
                        ObjectNode schema = version.at("/schema/openAPIV3Schema").deepCopy();
                        KubernetesSchema.forbidUnknownFields(schema);
                        // The CRD leaves metadata to the API server: check the part this program writes.
                        ((ObjectNode) schema.with("properties")).set("metadata", metadataSchema());
                        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
                        schemas.put(group + "/" + version.path("name").asText() + " " + kind,
                                registry.getSchema(JSON.writeValueAsString(schema), InputFormat.JSON));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (schemas.isEmpty()) {
                throw new IllegalStateException("no CRD (*_crd.yaml) in " + DIRECTORY);
            }
            return schemas;
        }

        private static ObjectNode metadataSchema() {
            JsonNodeFactory f = JsonNodeFactory.instance;
            ObjectNode stringMap = f.objectNode().put("type", "object");
            stringMap.set("additionalProperties", f.objectNode().put("type", "string"));
            ObjectNode properties = f.objectNode();
            properties.set("name", f.objectNode().put("type", "string").put("minLength", 1));
            properties.set("namespace", f.objectNode().put("type", "string"));
            properties.set("labels", stringMap);
            properties.set("annotations", stringMap.deepCopy());
            ObjectNode metadata = f.objectNode().put("type", "object");
            metadata.set("properties", properties);
            metadata.set("required", f.arrayNode().add("name"));
            metadata.put("additionalProperties", false);
            return metadata;
        }
    }
}
