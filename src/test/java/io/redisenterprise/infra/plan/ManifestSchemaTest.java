package io.redisenterprise.infra.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.redisenterprise.infra.platform.PlatformRegistry;
import io.redisenterprise.infra.settings.ConfigSource;
import io.redisenterprise.infra.settings.ConfigValue;
import io.redisenterprise.infra.settings.SettingsLoader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Kubernetes object the program plans, for every stack file in the repository and in both deployments, is valid
 * against the Kubernetes 1.31 API schema, and every Redis Enterprise custom resource against the operator's CRD (both
 * made strict); and the validators really do reject invalid objects.
 */
class ManifestSchemaTest {
    /** Duplicate keys would silently keep the last value; in a written manifest they are a bug, so refuse them. */
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    /** Each stack is planned once per deployment and shared by both checks; planning runs the whole program. */
    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

    /** Each stack file as shipped (operator), and the same stack with {@code redis.deployment: statefulset}. */
    static Stream<Arguments> stackPlans() throws IOException {
        return stackFiles().stream().flatMap(f -> Stream.of(Arguments.of(f, "operator"), Arguments.of(f, "statefulset")));
    }

    /** Kubernetes' own kinds against the Kubernetes schema, the operator's kinds against its CRDs. */
    static List<String> validate(JsonNode object) {
        return RedisEnterpriseCrdSchema.handles(object) ? RedisEnterpriseCrdSchema.validate(object)
                : KubernetesSchema.validate(object);
    }

    /** Pulumi.dev.yaml and every stacks/Pulumi.*.yaml on disk, so a new stack file is checked without editing this test. */
    static List<Path> stackFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("Pulumi.dev.yaml"));
        try (DirectoryStream<Path> stacks = Files.newDirectoryStream(Path.of("stacks"), "Pulumi.*.yaml")) {
            stacks.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    @Test
    void everyStackFileIsFound() throws IOException {
        assertThat(stackFiles())
                .allMatch(Files::isRegularFile)
                .contains(Path.of("Pulumi.dev.yaml"), Path.of("stacks", "Pulumi.aws.yaml"),
                        Path.of("stacks", "Pulumi.gcp.yaml"), Path.of("stacks", "Pulumi.azure.yaml"))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stackPlans")
    void everyPlannedObjectMatchesTheKubernetesSchema(Path stackFile, String deployment) {
        List<Map<String, Object>> objects = PlanDocuments.manifests(plan(stackFile, deployment));

        assertThat(objects).as("Kubernetes objects planned for %s", stackFile).isNotEmpty();
        assertThat(objects).as("the cluster object of %s", deployment)
                .anySatisfy(o -> assertThat(o.get("kind")).isEqualTo(
                        deployment.equals("operator") ? "RedisEnterpriseCluster" : "StatefulSet"));
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Map<String, Object> object : objects) {
            List<String> found = validate(YAML.valueToTree(object));
            if (!found.isEmpty()) {
                problems.put(describe(YAML.valueToTree(object)), found);
            }
        }
        assertThat(problems).withFailMessage(() -> report(stackFile, "planned objects", problems)).isEmpty();
    }

    /** The written manifests.yaml is what gets applied, so its text is parsed back and checked as well. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stackPlans")
    void theWrittenManifestsYamlMatchesTheKubernetesSchema(Path stackFile, String deployment) {
        Plan plan = plan(stackFile, deployment);
        String text = PlanDocuments.manifestsYaml(plan);

        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                documents.add(it.nextValue());
            }
        } catch (IOException e) {
            throw new AssertionError(stackFile + ": manifests.yaml does not parse back: " + e.getMessage(), e);
        }
        assertThat(documents).as("documents in %s's manifests.yaml", stackFile)
                .hasSameSizeAs(PlanDocuments.manifests(plan));
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (JsonNode document : documents) {
            List<String> found = validate(document);
            if (!found.isEmpty()) {
                problems.put(describe(document), found);
            }
        }
        assertThat(problems).withFailMessage(() -> report(stackFile, "documents in manifests.yaml", problems)).isEmpty();
    }

    // The validator must be able to fail: otherwise the checks above would pass whatever the program plans.

    @Test
    void theFixtureStatefulSetIsValid() {
        assertThat(KubernetesSchema.validate(statefulSet())).isEmpty();
    }

    @Test
    void anUnknownFieldIsRejected() {
        Map<String, Object> sts = statefulSet();
        spec(sts).put("replicaz", 3);

        assertThat(KubernetesSchema.validate(sts))
                .anySatisfy(p -> assertThat(p).contains("/spec").contains("replicaz"));
    }

    @Test
    void anUnknownFieldDeepInsideIsRejected() {
        Map<String, Object> sts = statefulSet();
        container(sts).put("imagePullPolicyy", "Always");

        assertThat(KubernetesSchema.validate(sts))
                .anySatisfy(p -> assertThat(p).contains("/spec/template/spec/containers/0").contains("imagePullPolicyy"));
    }

    @Test
    void aStringWhereAnIntegerIsExpectedIsRejected() {
        Map<String, Object> sts = statefulSet();
        spec(sts).put("replicas", "3");

        assertThat(KubernetesSchema.validate(sts))
                .anySatisfy(p -> assertThat(p).contains("/spec/replicas").contains("integer"));
    }

    @Test
    void aMissingRequiredFieldIsRejected() {
        Map<String, Object> sts = statefulSet();
        spec(sts).remove("selector");

        assertThat(KubernetesSchema.validate(sts)).anySatisfy(p -> assertThat(p).contains("selector"));
    }

    @Test
    void anApiVersionNoLongerServedIsRejected() {
        String pdb = """
                apiVersion: %s
                kind: PodDisruptionBudget
                metadata: {name: redis, namespace: redis}
                spec:
                  maxUnavailable: 1
                  selector: {matchLabels: {app: redis}}
                """;

        // The same object under policy/v1 is valid: only the removed apiVersion is at fault.
        assertThat(KubernetesSchema.validate(yaml(pdb.formatted("policy/v1")))).isEmpty();
        assertThat(KubernetesSchema.validate(yaml(pdb.formatted("policy/v1beta1"))))
                .singleElement().asString().contains("policy/v1beta1").contains("not served");
    }

    @Test
    void anUnknownKindIsRejected() {
        assertThat(KubernetesSchema.validate(yaml("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: x}\n")))
                .singleElement().asString().contains("Widget").contains("not served");
    }

    @Test
    void theFixtureClusterIsValid() {
        assertThat(validate(YAML.valueToTree(redisEnterpriseCluster()))).isEmpty();
    }

    @Test
    void anUnknownClusterFieldIsRejected() {
        Map<String, Object> rec = redisEnterpriseCluster();
        spec(rec).put("nodez", 3);

        assertThat(validate(YAML.valueToTree(rec))).anySatisfy(p -> assertThat(p).contains("/spec").contains("nodez"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnknownClusterFieldDeepInsideIsRejected() {
        Map<String, Object> rec = redisEnterpriseCluster();
        ((Map<String, Object>) spec(rec).get("persistentSpec")).put("storageClass", "fast");

        assertThat(validate(YAML.valueToTree(rec)))
                .anySatisfy(p -> assertThat(p).contains("/spec/persistentSpec").contains("storageClass"));
    }

    @Test
    void aClusterFieldOfTheWrongTypeIsRejected() {
        Map<String, Object> rec = redisEnterpriseCluster();
        spec(rec).put("nodes", "3");

        assertThat(validate(YAML.valueToTree(rec))).anySatisfy(p -> assertThat(p).contains("/spec/nodes").contains("integer"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnknownMetadataFieldAndAnUnservedVersionAreRejected() {
        Map<String, Object> rec = redisEnterpriseCluster();
        ((Map<String, Object>) rec.get("metadata")).put("labelz", Map.of("a", "b"));
        assertThat(validate(YAML.valueToTree(rec))).anySatisfy(p -> assertThat(p).contains("/metadata").contains("labelz"));

        Map<String, Object> unserved = redisEnterpriseCluster();
        unserved.put("apiVersion", "app.redislabs.com/v2");
        assertThat(validate(YAML.valueToTree(unserved))).singleElement().asString().contains("not served");
    }

    private static Plan plan(Path stackFile, String deployment) {
        return PLANS.computeIfAbsent(stackFile + " " + deployment, key -> {
            try {
                StackFile stack = StackFile.read(stackFile);
                ConfigSource source = deployment.equals("operator") ? stack : withDeployment(stack, deployment);
                return PlanRun.run(stack.project(), stack.stack(), SettingsLoader.loadForPlan(source),
                        PlatformRegistry.discover());
            } catch (IOException e) {
                throw new AssertionError("cannot read " + stackFile, e);
            }
        });
    }

    /** The stack with {@code redis.deployment} set, everything else as in the file. */
    static ConfigSource withDeployment(ConfigSource stack, String deployment) {
        String key = SettingsLoader.NAMESPACE + ":redis";
        return new ConfigSource() {
            @Override
            public Optional<ConfigValue> get(String fullKey) {
                if (!fullKey.equals(key)) {
                    return stack.get(fullKey);
                }
                Map<String, Object> redis = new LinkedHashMap<>();
                stack.get(key).map(ConfigValue::raw).filter(Map.class::isInstance)
                        .ifPresent(m -> ((Map<?, ?>) m).forEach((k, v) -> redis.put(String.valueOf(k), v)));
                redis.put("deployment", deployment);
                return Optional.of(ConfigValue.plain(redis));
            }

            @Override
            public Set<String> keys() {
                Set<String> keys = new java.util.HashSet<>(stack.keys());
                keys.add(key);
                return keys;
            }
        };
    }

    private static String describe(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        return object.path("apiVersion").asText("?") + " " + object.path("kind").asText("?") + " "
                + (namespace.isEmpty() ? "" : namespace + "/") + metadata.path("name").asText("?");
    }

    private static String report(Path stackFile, String what, Map<String, List<String>> problems) {
        return stackFile + ": " + problems.size() + " of the " + what + " do not match the Kubernetes 1.31 schema:\n"
                + problems.entrySet().stream()
                        .map(e -> "  " + e.getKey() + "\n" + e.getValue().stream()
                                .map(p -> "    - " + p).collect(Collectors.joining("\n")))
                        .collect(Collectors.joining("\n"));
    }

    /** A small valid StatefulSet, fresh (and mutable) for each test. */
    private static Map<String, Object> statefulSet() {
        return yaml("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: redis, namespace: redis, labels: {app: redis}}
                spec:
                  serviceName: redis
                  replicas: 3
                  selector: {matchLabels: {app: redis}}
                  template:
                    metadata: {labels: {app: redis}}
                    spec:
                      containers:
                        - name: redis
                          image: redislabs/redis:7.8.4-66
                          ports: [{containerPort: 8443, name: api}]
                          resources: {limits: {cpu: 2, memory: 4Gi}}
                """);
    }

    /** A small valid RedisEnterpriseCluster, fresh (and mutable) for each test. */
    private static Map<String, Object> redisEnterpriseCluster() {
        return yaml("""
                apiVersion: app.redislabs.com/v1
                kind: RedisEnterpriseCluster
                metadata: {name: rec, namespace: redis, labels: {app: redis-enterprise}}
                spec:
                  nodes: 3
                  persistentSpec: {enabled: true, storageClassName: ssd, volumeSize: 20Gi}
                  redisEnterpriseNodeResources:
                    requests: {cpu: 2, memory: 4Gi}
                    limits: {cpu: 2, memory: 4Gi}
                """);
    }

    private static Map<String, Object> yaml(String text) {
        try {
            return YAML.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> sts) {
        Map<String, Object> template = (Map<String, Object>) spec(sts).get("template");
        Map<String, Object> podSpec = (Map<String, Object>) template.get("spec");
        return ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
    }
}
