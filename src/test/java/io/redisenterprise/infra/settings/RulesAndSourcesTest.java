package io.redisenterprise.infra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Rules and their sources" stays true: every key it names is declared, every rule has a source. */
class RulesAndSourcesTest {
    static final String BEGIN = "<!-- rules-and-sources:begin";
    static final String END = "<!-- rules-and-sources:end -->";

    static List<String[]> rows() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README has " + BEGIN).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        List<String[]> rows = new ArrayList<>();
        readme.substring(begin, end).lines().filter(l -> l.startsWith("| ") && !l.startsWith("| rule "))
                .forEach(l -> rows.add(l.substring(1, l.length() - 1).split(" \\| ")));
        return rows;
    }

    @Test
    void everyRuleNamesDeclaredKeysAndAnAddress() throws IOException {
        JsonNode config = StackSchema.standard().document().at("/properties/config/properties");
        Pattern key = Pattern.compile("`([a-zA-Z]+)(\\[\\])?\\.([a-zA-Z]+)`");
        List<String[]> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(15);
        for (String[] row : rows) {
            assertThat(row).as(String.join(" | ", row)).hasSize(3);
            Matcher m = key.matcher(row[1]);
            int keys = 0;
            while (m.find()) {
                keys++;
                JsonNode object = StackSchema.standard().resolve(config.path(SettingsLoader.NAMESPACE + ":" + m.group(1)));
                if (m.group(2) != null) {
                    object = StackSchema.standard().resolve(object.path("items"));
                }
                assertThat(object.path("properties").has(m.group(3))).as(m.group() + " is a declared key").isTrue();
            }
            assertThat(keys).as(row[0]).isPositive();
            assertThat(row[2]).as(row[0]).contains("https://");
        }
    }
}
