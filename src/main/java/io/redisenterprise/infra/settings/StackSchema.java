package io.redisenterprise.infra.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The stack-file JSON Schema ({@code stacks/stack-config.schema.json}, draft-07), the one declaration of every
 * configuration key: its type, allowed values, literal default and the rule in words. Editors validate stack files
 * with it; {@link #check} validates a stack's configuration with the networknt validator and turns each error into
 * the project's single line {@code <namespace>:<key>: <rule>, got <value>}, with no validator wording and no JSON
 * pointer.
 *
 * <p>Rules come from the schema itself: {@code errorMessage} (a property's own wording, as VS Code's JSON
 * language service and yaml-language-server read it) and {@code patternErrorMessage} for patterns; everything else
 * is phrased from the keyword and its value ({@code minimum: 1} becomes "must be at least 1").
 */
public final class StackSchema {
    /** Where the build puts the schema in the jar (copied from {@code stacks/}). */
    public static final String RESOURCE = "/stack-config.schema.json";
    /** The keywords {@link #check} can phrase; a schema using another one fails the schema test. */
    public static final Set<String> PHRASED_KEYWORDS = Set.of("type", "enum", "pattern", "minLength", "maxLength",
            "minimum", "maximum", "minItems", "maxItems", "uniqueItems", "required", "additionalProperties", "anyOf",
            "false");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SUGGESTION_DISTANCE = 2;

    private final JsonNode root;
    private final Schema schema;
    private final String namespace;

    private StackSchema(JsonNode root, String namespace) {
        this.root = root;
        this.namespace = namespace;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
        this.schema = registry.getSchema(root.toString(), InputFormat.JSON);
    }

    /** The schema shipped in the jar, loaded once. */
    public static StackSchema standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final StackSchema STANDARD = load();

        private static StackSchema load() {
            try (InputStream in = StackSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the jar; rebuild with mvn package");
                }
                return new StackSchema(JSON.readTree(in), SettingsLoader.NAMESPACE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The schema document itself. */
    public JsonNode document() {
        return root;
    }

    /** The schema of a config key (e.g. {@code redis-enterprise:redis}), $ref and allOf resolved; missing if undeclared. */
    public JsonNode key(String fullKey) {
        return resolve(root.path("properties").path("config").path("properties").path(fullKey));
    }

    /** The literal default a field declares ({@code default}), e.g. {@code 3} for redis.nodes. */
    public Optional<JsonNode> defaultOf(String fullKey, String field) {
        JsonNode holder = key(fullKey);
        if (holder.path("type").asText().equals("array")) {
            holder = resolve(holder.path("items"));
        }
        JsonNode declared = field == null ? holder : resolve(holder.path("properties").path(field));
        return Optional.ofNullable(declared.get("default"));
    }

    /** Whether the key holds an object or a list, which {@code pulumi up} hands over as JSON text. */
    boolean holdsStructure(String fullKey) {
        String type = key(fullKey).path("type").asText("");
        return type.equals("object") || type.equals("array");
    }

    /** A config key's schema as written (its $ref not followed); missing if undeclared. */
    JsonNode declared(String fullKey) {
        return root.path("properties").path("config").path("properties").path(fullKey);
    }

    /** Whether a declared schema is the secret definition ({@code {secure: ...}} in the stack file). */
    boolean isSecret(JsonNode declared) {
        return declared.path("$ref").asText("").equals("#/definitions/secret");
    }

    /**
     * What the schema finds wrong with a stack's configuration.
     *
     * @param problems one per key, sorted by key
     * @param invalid  JSON pointers (below {@code /config}) of values that broke a rule: the Java rules read them
     *                 as absent and skip the rules that need them, so no line follows from a refused value
     */
    public record Findings(List<ConfigProblem> problems, Set<String> invalid) {
    }

    /**
     * Validates a configuration, given as the map a stack file's {@code config:} holds (full keys; objects as
     * objects; a secret scalar as {@code {"secure": ...}}).
     *
     * @param secretPointers JSON pointers (below {@code /config}) of secret values: a value at, inside or holding
     *                       one of them never appears in a problem line
     */
    public Findings check(JsonNode config, Set<String> secretPointers) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("config", config);
        Findings findings = checkStackFile(document, secretPointers);
        List<ConfigProblem> misspelt = misspeltNamespace(config, secretPointers);
        if (misspelt.isEmpty()) {
            return findings;
        }
        List<ConfigProblem> all = new ArrayList<>(misspelt);
        all.addAll(findings.problems());
        return new Findings(all, findings.invalid());
    }

    /**
     * Keys whose namespace is this project's, misspelt ({@code redis-enterprse:redis}): the schema leaves other
     * namespaces to their owners, so such a key would be ignored without a word.
     */
    private List<ConfigProblem> misspeltNamespace(JsonNode config, Set<String> secretPointers) {
        List<ConfigProblem> out = new ArrayList<>();
        config.fields().forEachRemaining(field -> {
            String key = field.getKey();
            int colon = key.indexOf(':');
            if (colon <= 0) {
                return;
            }
            String ns = key.substring(0, colon);
            if (!ns.equals(namespace) && suggestion(ns, Set.of(namespace)).isPresent()) {
                String meant = namespace + key.substring(colon);
                boolean secret = secretPointers.stream().anyMatch(p -> p.equals("/" + key) || p.startsWith("/" + key + "/"));
                out.add(new ConfigProblem(key, "unknown namespace " + ns + " (did you mean " + meant + "?): keys of"
                        + " other namespaces are left to their owners, so this one would be ignored",
                        secret ? masked(field.getValue()) : Problems.show(field.getValue())));
            }
        });
        return out;
    }

    /**
     * Validates the sections of a stack file beside {@code config:} (the Pulumi CLI ignores a section it does not
     * know: pulumi/pulumi {@code sdk/go/common/workspace/loaders.go}, {@code LoadProjectStackBytes}, unmarshals the file
     * without a schema, unlike {@code Pulumi.yaml}; so a misspelt {@code secretsprovider} would be lost silently); the
     * configuration itself is left to
     * {@link #check}, so no problem is reported twice.
     *
     * @param document the whole stack file as read
     * @return one problem per unknown or malformed section, in file order; empty when they are all known
     */
    public List<ConfigProblem> checkSections(JsonNode document) {
        if (!(document instanceof ObjectNode object)) {
            return List.of();
        }
        ObjectNode sections = object.deepCopy();
        sections.remove("config");
        return checkStackFile(sections, Set.of()).problems();
    }

    /**
     * Validates a whole stack file as an editor does (its top-level sections, and {@code config:} with
     * {@code secure:} values as they stand in the file).
     */
    public Findings checkStackFile(JsonNode document, Set<String> secretPointers) {
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        Set<String> invalid = new TreeSet<>();
        for (Error e : schema.validate(document)) {
            Candidate c = phrase(e, secretPointers);
            if (c == null) {
                continue;
            }
            if (!c.keyword().equals("required")) {
                invalid.add(c.pointer());
            }
            // One line per value: two problems may share a key's spelling (a dotted top-level key and the field
            // it meant), but never a place in the document.
            byKey.merge(c.pointer(), c, (a, b) -> a.priority() <= b.priority() ? a : b);
        }
        List<ConfigProblem> problems = byKey.values().stream()
                .sorted(Comparator.comparing(Candidate::order))
                .map(c -> new ConfigProblem(c.key(), c.rule(), c.got()))
                .toList();
        return new Findings(problems, invalid);
    }

    private record Candidate(String key, String pointer, String keyword, String rule, String got, int priority,
                             String order) {
    }

    private Candidate phrase(Error e, Set<String> secretPointers) {
        NodePath at = e.getInstanceLocation();
        if (at.getNameCount() == 0) {
            // The stack file itself: only an unknown top-level section can fail here.
            return new Candidate(String.valueOf(e.getProperty()), "/" + e.getProperty(), e.getKeyword(),
                    "unknown section of a stack file; it has config, secretsprovider, encryptedkey, encryptionsalt and environment, and sections of your own start with x-",
                    Problems.show(e.getInstanceNode().path(e.getProperty())), 0, "");
        }
        boolean keyLevel = e.getKeyword().equals("required") || e.getKeyword().equals("additionalProperties");
        if (at.getNameCount() == 1 && !keyLevel) {
            return new Candidate("config", "/config", e.getKeyword(), "must be a map of configuration keys",
                    Problems.show(e.getInstanceNode()), 0, "");
        }
        List<Object> segments = new ArrayList<>();
        for (int i = 1; i < at.getNameCount(); i++) {
            segments.add(at.getElement(i));
        }
        List<JsonNode> chain = chain(e.getEvaluationPath());
        JsonNode keywordNode = chain.isEmpty() ? MissingNode.getInstance() : chain.get(chain.size() - 1);
        Optional<String> own = chain.stream().map(n -> n.path("errorMessage")).filter(JsonNode::isTextual)
                .map(JsonNode::asText).findFirst();
        String keyword = e.getKeyword();
        String key = segments.isEmpty() ? "config" : keyOf(segments);
        String pointer = pointerOf(segments);
        JsonNode value = e.getInstanceNode();
        String property = e.getProperty();
        if (own.isEmpty() && property != null && (keyword.equals("required") || keyword.equals("additionalProperties"))) {
            List<Object> withProperty = new ArrayList<>(segments);
            withProperty.add(property);
            key = keyOf(withProperty);
            pointer = pointerOf(withProperty);
            value = keyword.equals("required") ? MissingNode.getInstance() : value.path(property);
        }
        String place = pointer;
        boolean secret = secretPointers.stream()
                .anyMatch(p -> place.equals(p) || place.startsWith(p + "/") || p.startsWith(place + "/"));
        // A message written for any element of a list ("databases[<i>]") names the element that broke it.
        String rule = own.map(m -> segments.stream().filter(Integer.class::isInstance).findFirst()
                        .map(i -> m.replace("[<i>]", "[" + i + "]")).orElse(m))
                .orElseGet(() -> rule(e, keywordNode, segments, secret));
        boolean secretExpected = chain.stream().anyMatch(this::isSecret);
        String got = secretExpected && value.isValueNode() ? "a plaintext value"
                : secret || secretExpected ? masked(value) : Problems.show(value);
        return new Candidate(key, pointer, keyword, rule, got, priority(keyword), pointer);
    }

    /** One line per key: the most basic complaint first (a wrong type makes every other rule moot). */
    private static int priority(String keyword) {
        return switch (keyword) {
            case "additionalProperties", "required" -> 0;
            case "type", "anyOf" -> 1;
            case "enum" -> 2;
            case "pattern" -> 3;
            default -> 4;
        };
    }

    private String rule(Error e, JsonNode keywordNode, List<Object> segments, boolean secret) {
        String keyword = e.getKeyword();
        JsonNode value = keywordNode.path(keyword);
        return switch (keyword) {
            case "type" -> "must be " + typeNoun(keywordNode);
            case "enum" -> "must be " + oneOf(value);
            case "pattern" -> keywordNode.path("patternErrorMessage").asText("must match " + value.asText());
            case "minLength" -> value.asInt() == 1 ? "must be a non-empty string"
                    : "must be at least " + value.asInt() + " characters long";
            case "maxLength" -> "must be at most " + value.asInt() + " characters long";
            case "minimum" -> value.asInt() == 0 ? "must not be negative" : "must be at least " + value.asText();
            case "maximum" -> "must be at most " + value.asText();
            case "minItems" -> value.asInt() == 1 ? "must not be empty" : "must list at least " + value.asInt() + " items";
            case "maxItems" -> "must list at most " + value.asInt() + " items";
            case "uniqueItems" -> "must not list the same value twice";
            case "required" -> {
                JsonNode missing = resolve(keywordNode.path("properties").path(e.getProperty()));
                yield missing.has("enum") ? "required, " + oneOf(missing.get("enum")) : "required";
            }
            case "additionalProperties" -> unknownKey(e.getProperty(), keywordNode, segments,
                    secret || e.getInstanceNode().path(e.getProperty()).has("secure"));
            default -> "is not allowed here";
        };
    }

    /**
     * The rule of an unknown key: in this project's namespace a path written as one top-level key
     * ({@code redis.nodes}, {@code databases[0].password}: what {@code pulumi config set} writes without
     * {@code --path}) gets the command that sets it, otherwise the nearest known key.
     */
    private String unknownKey(String property, JsonNode objectSchema, List<Object> segments, boolean secret) {
        Set<String> known = new TreeSet<>();
        objectSchema.path("properties").fieldNames().forEachRemaining(known::add);
        boolean topLevel = segments.size() == 1 && segments.get(0) instanceof String s && s.equals(property);
        if (topLevel || property.startsWith(namespace + ":")) {
            String name = property.substring(namespace.length() + 1);
            Set<String> ours = known.stream().filter(k -> k.startsWith(namespace + ":"))
                    .map(k -> k.substring(namespace.length() + 1)).collect(Collectors.toCollection(TreeSet::new));
            int dot = name.indexOf('.');
            int bracket = name.indexOf('[');
            int end = dot < 0 ? bracket : bracket < 0 ? dot : Math.min(dot, bracket);
            if (end > 0 && ours.contains(name.substring(0, end))) {
                String where = end == dot ? name.substring(dot + 1) + " inside " + name.substring(0, dot)
                        : name + " as a path";
                String command = secret ? "pulumi config set --secret --path '" : "pulumi config set --path '";
                return "unknown key: pulumi config set without --path wrote a top-level key; set " + where + " with "
                        + command + property + "' <value> (and remove this key)";
            }
            Optional<String> nearby = suggestion(name, ours).map(k -> namespace + ":" + k);
            if (nearby.isEmpty()) {
                // A field of one of the objects written at the top level (redis-enterprise:nodes for redis.nodes).
                Optional<String> field = nestedField(name, ours, objectSchema);
                if (field.isPresent()) {
                    return "unknown key (did you mean " + field.get() + "? set it with pulumi config set --path '"
                            + namespace + ":" + field.get() + "' <value>, and remove this key)";
                }
            }
            return "unknown key" + nearby.map(k -> " (did you mean " + k + "?)").orElse("")
                + "; the keys of this project are " + String.join(", ", ours);
        }
        return "unknown key" + suggestion(property, known).map(k -> " (did you mean " + k + "?)").orElse("")
                + "; known keys are " + String.join(", ", known);
    }

    /** {@code <object>.<field>} when exactly one of this project's objects has a field of that name (any case). */
    private Optional<String> nestedField(String name, Set<String> ours, JsonNode configSchema) {
        List<String> found = new ArrayList<>();
        for (String key : ours) {
            JsonNode object = resolve(configSchema.path("properties").path(namespace + ":" + key));
            object.path("properties").fieldNames().forEachRemaining(f -> {
                if (f.equalsIgnoreCase(name)) {
                    found.add(key + "." + f);
                }
            });
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static Optional<String> suggestion(String typed, Set<String> known) {
        LevenshteinDistance distance = new LevenshteinDistance(SUGGESTION_DISTANCE);
        return known.stream()
                .filter(k -> k.equalsIgnoreCase(typed) || distance.apply(k.toLowerCase(), typed.toLowerCase()) >= 0)
                .min(Comparator.comparing((String k) -> !k.equalsIgnoreCase(typed))
                        .thenComparing(k -> distance.apply(k.toLowerCase(), typed.toLowerCase())));
    }

    private String typeNoun(JsonNode node) {
        JsonNode type = node.path("type");
        if (type.isArray()) {
            return StreamSupport.stream(type.spliterator(), false).map(t -> noun(t.asText(), node))
                    .collect(Collectors.joining(" or "));
        }
        return noun(type.asText(), node);
    }

    private String noun(String type, JsonNode node) {
        return switch (type) {
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> {
                JsonNode items = resolve(node.path("items"));
                yield items.path("type").asText("").isEmpty() ? "a list" : "a list of " + plural(items.path("type").asText());
            }
            case "object" -> node.path("additionalProperties").isObject()
                    ? "a map of strings to " + plural(resolve(node.get("additionalProperties")).path("type").asText("value"))
                    : "an object (a map of keys)";
            default -> type;
        };
    }

    private static String plural(String type) {
        return switch (type) {
            case "string" -> "strings";
            case "integer" -> "whole numbers";
            case "object" -> "objects";
            case "boolean" -> "booleans";
            default -> type + "s";
        };
    }

    /** "x or y" for two allowed values, "one of x, y, z" for more. */
    private static String oneOf(JsonNode values) {
        List<String> all = StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
        return all.size() == 2 ? all.get(0) + " or " + all.get(1) : "one of " + String.join(", ", all);
    }

    /**
     * The schema nodes that judged the failing value, outermost first: the property's own schema and whatever it
     * reaches through $ref and allOf/anyOf, down to the node holding the failing keyword.
     */
    private List<JsonNode> chain(NodePath evaluation) {
        List<JsonNode> chain = new ArrayList<>();
        JsonNode cur = root;
        chain.add(cur);
        int last = evaluation.getNameCount() - 1;
        for (int i = 0; i < last; i++) {
            String seg = String.valueOf(evaluation.getElement(i));
            switch (seg) {
                case "properties", "patternProperties" -> {
                    cur = cur.path(seg).path(String.valueOf(evaluation.getElement(++i)));
                    chain.clear();
                }
                case "items", "additionalProperties" -> {
                    cur = cur.path(seg);
                    chain.clear();
                }
                case "$ref" -> cur = reference(cur.path("$ref").asText());
                case "allOf", "anyOf", "oneOf" -> cur = cur.path(seg).path(Integer.parseInt(String.valueOf(evaluation.getElement(++i))));
                default -> cur = cur.path(seg);
            }
            chain.add(cur);
        }
        return chain;
    }

    /** A node with its local $ref (and a lone allOf) followed, so a field's declared type and default are visible. */
    JsonNode resolve(JsonNode node) {
        JsonNode cur = node;
        for (int guard = 0; guard < 8; guard++) {
            if (cur.has("$ref")) {
                JsonNode target = reference(cur.get("$ref").asText());
                ObjectNode merged = target.deepCopy();
                cur.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("$ref")) {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
                cur = merged;
            } else if (cur.has("allOf") && cur.get("allOf").size() == 1) {
                ObjectNode merged = cur.get("allOf").get(0).deepCopy();
                ObjectNode outer = (ObjectNode) cur;
                outer.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("allOf")) {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
                cur = merged;
            } else {
                return cur;
            }
        }
        return cur;
    }

    private JsonNode reference(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("only local references are supported in the stack schema: " + ref);
        }
        return root.at(ref.substring(1));
    }

    /** {@code redis-enterprise:databases[1].port} from the instance path below {@code /config}. */
    static String keyOf(List<Object> segments) {
        StringBuilder key = new StringBuilder(String.valueOf(segments.get(0)));
        for (Object s : segments.subList(1, segments.size())) {
            if (s instanceof Integer i) {
                key.append('[').append(i).append(']');
            } else {
                key.append('.').append(s);
            }
        }
        return key.toString();
    }

    /** The JSON pointer of a value below {@code /config}, escaped as RFC 6901 says. */
    static String pointerOf(List<Object> segments) {
        StringBuilder p = new StringBuilder();
        for (Object s : segments) {
            p.append('/').append(String.valueOf(s).replace("~", "~0").replace("/", "~1"));
        }
        return p.toString();
    }

    private static String masked(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Problems.NOTHING;
        }
        return value.isNumber() || value.isBoolean() ? value.toString() : SecretText.MASK;
    }
}
