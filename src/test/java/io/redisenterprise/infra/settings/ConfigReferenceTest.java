package io.redisenterprise.infra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration reference is generated from the stack schema: this test renders it and fails when
 * the README differs. {@code mvn test -Dtest=ConfigReferenceTest -Dreadme.update=true} writes the rendering into
 * the README between its markers.
 */
class ConfigReferenceTest {
    static final Path README = Path.of("README.md");
    static final String BEGIN = "<!-- config-reference:begin (generated from stacks/stack-config.schema.json by ConfigReferenceTest) -->";
    static final String END = "<!-- config-reference:end -->";
    static final String NAMESPACE = SettingsLoader.NAMESPACE + ":";

    @Test
    void readmeListsEveryKeyWithTheSchemasTypeDefaultAndRule() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README has the marker " + BEGIN).isNotNegative();
        assertThat(end).as("README has the marker " + END).isGreaterThan(begin);
        String expected = render();
        String actual = readme.substring(begin + BEGIN.length(), end);
        if (!actual.equals(expected) && Boolean.getBoolean("readme.update")) {
            Files.writeString(README, readme.substring(0, begin + BEGIN.length()) + expected + readme.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("README's configuration reference; regenerate it with "
                + "mvn test -Dtest=ConfigReferenceTest -Dreadme.update=true").isEqualTo(expected);
    }

    /** The table: one row per key, objects as a heading row followed by their fields. */
    static String render() {
        StackSchema schema = StackSchema.standard();
        List<String> rows = new ArrayList<>();
        rows.add("| key | type | default | rule |");
        rows.add("|---|---|---|---|");
        JsonNode config = schema.document().at("/properties/config/properties");
        List<String> ours = new ArrayList<>();
        List<String> others = new ArrayList<>();
        config.fieldNames().forEachRemaining(k -> (k.startsWith(NAMESPACE) ? ours : others).add(k));
        for (String key : ours) {
            rows(schema, key.substring(NAMESPACE.length()), config.get(key), rows);
        }
        for (String key : others) {
            rows(schema, key, config.get(key), rows);
        }
        return "\n" + String.join("\n", rows) + "\n";
    }

    private static void rows(StackSchema schema, String name, JsonNode declared, List<String> rows) {
        JsonNode s = schema.resolve(declared);
        String description = s.path("description").asText();
        int at = description.lastIndexOf("Default: ");
        String rule = at < 0 ? description : description.substring(0, at).trim();
        String fallback = at < 0 ? "—" : description.substring(at + "Default: ".length()).replaceAll("\\.$", "");
        if (s.has("default")) {
            fallback = "`" + fallback + "`";
        }
        String type = type(schema, declared);
        JsonNode items = schema.resolve(s.path("items"));
        if (type.equals("list of objects") && items.has("properties")) {
            rows.add("| **`" + name + "`** | list of objects | " + (at < 0 ? "" : fallback) + " | " + rule + " |");
            items.get("properties").fields().forEachRemaining(f -> rows(schema, name + "[]." + f.getKey(), f.getValue(), rows));
            return;
        }
        if (type.equals("object")) {
            rows.add("| **`" + name + "`** | object | " + (at < 0 ? "" : fallback) + " | " + rule + " |");
            s.get("properties").fields().forEachRemaining(f -> rows(schema, name + "." + f.getKey(), f.getValue(), rows));
            return;
        }
        rows.add("| `" + name + "` | " + type + " | " + fallback + " | " + rule + " |");
    }

    private static String type(StackSchema schema, JsonNode declared) {
        String ref = declared.path("$ref").asText("");
        if (ref.endsWith("/secret")) {
            return "secret string";
        }
        if (ref.endsWith("/quantity")) {
            return "quantity";
        }
        JsonNode s = schema.resolve(declared);
        if (s.has("enum")) {
            return "string";
        }
        return switch (s.path("type").asText()) {
            case "integer" -> "int";
            case "boolean" -> "bool";
            case "array" -> "list of " + (schema.resolve(s.path("items")).path("type").asText("value")) + "s";
            case "object" -> s.has("properties") ? "object" : "map of strings";
            default -> "string";
        };
    }

    @Test
    void theRenderingHasNoStrayTableSyntax() {
        assertThat(render().lines().skip(2)).allSatisfy(row ->
                assertThat(row.chars().filter(ch -> ch == '|').count()).as(row).isEqualTo(5));
    }
}
