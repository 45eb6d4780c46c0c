package io.redisenterprise.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.redisenterprise.infra.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A change the cloud cannot make in place (here a bigger machine) must replace each zone's pool create-before-delete:
 * the shipped stack and the same stack with a bigger machine, planned with the {@code plan} command, give the same
 * Pulumi resources with other physical names, and plan.json shows no delete-first replacement (and, on AKS, the
 * create-only properties as replaceOnChanges, because azure-native 2.10.0 would send them in place).
 */
class NodePoolReplacementTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    /** cloud, pool type token, the input holding the physical name, a bigger machine of the catalogue. */
    static Stream<Arguments> clouds() {
        return Stream.of(
                Arguments.of("aws", "aws:eks/nodeGroup:NodeGroup", "nodeGroupName", "r6i.2xlarge"),
                Arguments.of("gcp", "gcp:container/nodePool:NodePool", "name", "n2-highmem-8"),
                Arguments.of("azure", "azure-native:containerservice:AgentPool", "agentPoolName", "Standard_E8s_v5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clouds")
    void aBiggerMachineReplacesEachZonesPoolCreateBeforeDelete(String cloud, String type, String nameInput,
                                                                String bigger) throws IOException {
        Path shipped = Path.of("stacks", "Pulumi." + cloud + ".yaml");
        Map<String, JsonNode> before = pools(plan(shipped, "before"), type);
        Map<String, JsonNode> again = pools(plan(shipped, "again"), type);
        Map<String, JsonNode> after = pools(plan(withMachine(shipped, bigger), "after"), type);

        assertThat(before).hasSize(3);
        // The same Pulumi resources (same URNs): a replacement, not a delete and an unrelated create.
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String pool : before.keySet()) {
            String oldName = before.get(pool).at("/inputs/" + nameInput).asText();
            String newName = after.get(pool).at("/inputs/" + nameInput).asText();
            // Planning the same stack again keeps the names: nothing is replaced without a change.
            assertThat(again.get(pool).at("/inputs/" + nameInput).asText()).isEqualTo(oldName);
            // Another name, so the new pool can exist next to the old one until the old one is deleted.
            assertThat(newName).as(pool).isNotEqualTo(oldName);
            for (JsonNode r : List.of(before.get(pool), after.get(pool))) {
                assertThat(r.at("/options/deleteBeforeReplace").asBoolean(false)).as(pool + " deleteBeforeReplace").isFalse();
            }
        }
        // One zone after another: each pool waits for the previous one (and is deleted before it).
        List<String> logical = new ArrayList<>(before.keySet());
        for (int i = 1; i < logical.size(); i++) {
            assertThat(after.get(logical.get(i)).at("/options/dependsOn").toString()).contains(type + "::" + logical.get(i - 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clouds")
    void noCreateOnlyPropertyIsEverUpdatedInPlace(String cloud, String type, String nameInput, String bigger) throws IOException {
        Map<String, JsonNode> pools = pools(plan(Path.of("stacks", "Pulumi." + cloud + ".yaml"), "replace-on-changes"), type);
        for (JsonNode pool : pools.values()) {
            List<String> replaceOnChanges = new ArrayList<>();
            pool.at("/options/replaceOnChanges").forEach(p -> replaceOnChanges.add(p.asText()));
            if (cloud.equals("azure")) {
                // azure-native 2.10.0 sends these in place and Azure refuses them (PropertyChangeNotAllowed).
                assertThat(replaceOnChanges).contains("vmSize", "availabilityZones", "osDiskSizeGB", "osDiskType", "maxPods");
            } else {
                // The bridged providers replace on their own create-only (ForceNew) arguments.
                assertThat(replaceOnChanges).isEmpty();
            }
        }
    }

    /** Runs the plan command on a stack file and returns plan.json. */
    JsonNode plan(Path stackFile, String name) throws IOException {
        Path out = tmp.resolve("out-" + name);
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("plan", "--config", stackFile.toString(), "--out", out.toString());
        assertThat(exit).as(err.toString()).isZero();
        return JSON.readTree(out.resolve("plan.json").toFile());
    }

    /** The pools of a plan.json by Pulumi resource name, in plan order. */
    static Map<String, JsonNode> pools(JsonNode planJson, String type) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        planJson.get("resources").forEach(r -> {
            if (r.get("type").asText().equals(type)) {
                out.put(r.get("name").asText(), r);
            }
        });
        return out;
    }

    /** A copy of the stack file (next to a copy of Pulumi.yaml) with another nodePool.machineType. */
    Path withMachine(Path stackFile, String machineType) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bigger"));
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        JsonNode doc = YAML.readTree(stackFile.toFile());
        ((ObjectNode) doc.at("/config/redis-enterprise:nodePool")).put("machineType", machineType);
        Path copy = dir.resolve(stackFile.getFileName());
        YAML.writeValue(copy.toFile(), doc);
        return copy;
    }
}
