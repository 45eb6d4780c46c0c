package io.redisenterprise.infra.settings;

import static io.redisenterprise.infra.TestStacks.aws;
import static io.redisenterprise.infra.TestStacks.gcp;
import static io.redisenterprise.infra.TestStacks.kubernetes;
import static io.redisenterprise.infra.TestStacks.problems;
import static io.redisenterprise.infra.TestStacks.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.redisenterprise.infra.TestStacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The stack-file schema: a valid schema, kept to the project's conventions, and each structural rule's line. */
class StackSchemaTest {
    static final Path SCHEMA_FILE = Path.of("stacks", "stack-config.schema.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Keywords that only annotate (editors show them); every other keyword validates. */
    static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "default",
            "errorMessage", "patternErrorMessage", "definitions", "properties", "patternProperties");

    static JsonNode schemaFile() throws IOException {
        return JSON.readTree(SCHEMA_FILE.toFile());
    }

    /** Every schema object in the document with its JSON pointer. */
    static void eachSchema(JsonNode node, String at, BiConsumer<String, JsonNode> visit) {
        if (!node.isObject()) {
            return;
        }
        visit.accept(at, node);
        node.fields().forEachRemaining(f -> {
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (key.equals("properties") || key.equals("patternProperties") || key.equals("definitions")) {
                v.fields().forEachRemaining(p -> eachSchema(p.getValue(), at + "/" + key + "/" + p.getKey(), visit));
            } else if (key.equals("anyOf") || key.equals("allOf") || key.equals("oneOf")) {
                for (int i = 0; i < v.size(); i++) {
                    eachSchema(v.get(i), at + "/" + key + "/" + i, visit);
                }
            } else if (key.equals("items") || key.equals("additionalProperties")) {
                eachSchema(v, at + "/" + key, visit);
            }
        });
    }

    @Nested
    class TheSchema {
        @Test
        void isAValidDraft7Schema() throws IOException {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
            Schema meta = registry.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
            assertThat(meta.validate(schemaFile())).isEmpty();
        }

        @Test
        void theJarCarriesTheFileEditorsRead() throws IOException {
            assertThat(StackSchema.standard().document()).isEqualTo(schemaFile());
        }

        @Test
        void everyPatternSaysWhatItMeansInWords() throws IOException {
            List<String> bare = new ArrayList<>();
            eachSchema(schemaFile(), "#", (at, s) -> {
                if (s.has("pattern") && !s.has("patternErrorMessage")) {
                    bare.add(at);
                }
            });
            assertThat(bare).as("a user reads the rule, never a regular expression").isEmpty();
        }

        @Test
        void everyUnionHasItsOwnMessage() throws IOException {
            List<String> bare = new ArrayList<>();
            eachSchema(schemaFile(), "#", (at, s) -> {
                if ((s.has("anyOf") || s.has("oneOf")) && !s.has("errorMessage")) {
                    bare.add(at);
                }
            });
            assertThat(bare).isEmpty();
        }

        @Test
        void usesOnlyKeywordsTheProgramCanPhrase() throws IOException {
            Set<String> used = new TreeSet<>();
            eachSchema(schemaFile(), "#", (at, s) -> s.fieldNames().forEachRemaining(used::add));
            used.removeAll(ANNOTATIONS);
            used.removeAll(Set.of("$ref", "allOf", "items"));
            assertThat(StackSchema.PHRASED_KEYWORDS).containsAll(used);
        }

        @Test
        void nothingValidatesBesideARef() throws IOException {
            // Draft-07 ignores every keyword beside $ref: such a rule would hold in no validator.
            List<String> ignored = new ArrayList<>();
            eachSchema(schemaFile(), "#", (at, s) -> {
                if (s.has("$ref")) {
                    s.fieldNames().forEachRemaining(k -> {
                        if (!k.equals("$ref") && !ANNOTATIONS.contains(k)) {
                            ignored.add(at + "/" + k);
                        }
                    });
                }
            });
            assertThat(ignored).isEmpty();
        }

        @Test
        void everyKeyIsDescribedAndTyped() throws IOException {
            List<String> missing = new ArrayList<>();
            JsonNode config = schemaFile().at("/properties/config/properties");
            config.fields().forEachRemaining(top -> eachSchema(top.getValue(), top.getKey(), (at, s) -> {
                boolean isProperty = !at.contains("/anyOf/") && !at.contains("/allOf/") && !at.endsWith("/items") && !at.endsWith("/additionalProperties");
                if (isProperty && !s.has("description")) {
                    missing.add(at + " has no description");
                }
                if (isProperty && !s.has("type") && !s.has("$ref") && !s.has("enum") && !s.has("allOf") && !s.has("anyOf")) {
                    missing.add(at + " has no type");
                }
            }));
            assertThat(missing).isEmpty();
        }

        @Test
        void literalDefaultsAreTheLastSentenceOfTheDescription() throws IOException {
            List<String> wrong = new ArrayList<>();
            eachSchema(schemaFile().at("/properties/config"), "config", (at, s) -> {
                if (s.has("default")) {
                    JsonNode d = s.get("default");
                    String shown = d.isTextual() ? d.asText() : d.toString();
                    if (!s.path("description").asText().endsWith("Default: " + shown + ".")) {
                        wrong.add(at + ": default " + shown + " but " + s.path("description").asText());
                    }
                }
            });
            assertThat(wrong).isEmpty();
        }
    }

    static Stream<Path> shippedStackFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("stacks"))) {
            return Stream.concat(Stream.of(Path.of("Pulumi.dev.yaml")),
                    s.filter(p -> p.getFileName().toString().matches("Pulumi\\..+\\.yaml")).sorted().toList().stream());
        }
    }

    @ParameterizedTest
    @MethodSource("shippedStackFiles")
    void everyShippedStackFileNamesTheSchemaAndPassesIt(Path stackFile) throws IOException {
        String first = Files.readAllLines(stackFile).get(0);
        assertThat(first).startsWith("# yaml-language-server: $schema=");
        Path named = stackFile.toAbsolutePath().getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize();
        assertThat(named).isEqualTo(SCHEMA_FILE.toAbsolutePath().normalize());
        JsonNode file = YAML.readTree(stackFile.toFile());
        assertThat(StackSchema.standard().checkStackFile(file, Set.of()).problems()).isEmpty();
    }

    @Test
    void aStackFileWithSecretsAsTheCliWritesThemPasses() throws IOException {
        JsonNode file = YAML.readTree("""
                secretsprovider: awskms://alias/pulumi
                encryptedkey: AQICAHh
                config:
                  redis-enterprise:cloud: aws
                  redis-enterprise:adminPassword:
                    secure: v1:abc
                  redis-enterprise:license:
                    secure: v1:def
                  aws:profile: prod
                """);
        assertThat(StackSchema.standard().checkStackFile(file, Set.of()).problems()).isEmpty();
    }

    @Test
    void anUnknownSectionOfTheFileIsRefused() throws IOException {
        JsonNode file = YAML.readTree("configs:\n  redis-enterprise:cloud: aws\nconfig:\n  redis-enterprise:cloud: aws\n");
        assertThat(StackSchema.standard().checkStackFile(file, Set.of()).problems()).extracting(ConfigProblem::toString)
                .containsExactly("configs: unknown section of a stack file; it has config, secretsprovider, encryptedkey, encryptionsalt and environment, and sections of your own start with x-, got {\"redis-enterprise:cloud\":\"aws\"}");
    }

    static Stream<Arguments> structuralRules() {
        String ours = "adminPassword, adminUsername, cloud, cluster, databases, license, nodePool, operator, redis, services, storage";
        return Stream.of(
                refusal("top-level dotted key (pulumi config set without --path)", kubernetes().set("redis.nodes", 5),
                        "redis-enterprise:redis.nodes: unknown key: pulumi config set without --path wrote a top-level key; set nodes inside redis with pulumi config set --path 'redis-enterprise:redis.nodes' <value> (and remove this key), got 5"),
                refusal("top-level list path (pulumi config set --secret without --path)",
                        aws().secret("databases[0].password", "s3cr3t-pass"),
                        "redis-enterprise:databases[0].password: unknown key: pulumi config set without --path wrote a top-level key; set databases[0].password as a path with pulumi config set --secret --path 'redis-enterprise:databases[0].password' <value> (and remove this key), got [secret]"),
                refusal("a field of an object written at the top level", kubernetes().set("nodes", 5),
                        "redis-enterprise:nodes: unknown key (did you mean redis.nodes? set it with pulumi config set --path 'redis-enterprise:redis.nodes' <value>, and remove this key), got 5"),
                refusal("the project's namespace misspelt", kubernetes().set("redis-enterprse:redis", Map.of("nodes", 5)),
                        "redis-enterprse:redis: unknown namespace redis-enterprse (did you mean redis-enterprise:redis?): keys of other namespaces are left to their owners, so this one would be ignored, got {\"nodes\":5}"),
                refusal("the project's namespace in another case, a secret", kubernetes().secret("Redis-Enterprise:license", "LICENSE-KEY"),
                        "Redis-Enterprise:license: unknown namespace Redis-Enterprise (did you mean redis-enterprise:license?): keys of other namespaces are left to their owners, so this one would be ignored, got [secret]"),
                refusal("top-level key in the wrong case", kubernetes().set("nodepool", Map.of("dedicated", false)),
                        "redis-enterprise:nodepool: unknown key (did you mean redis-enterprise:nodePool?); the keys of this project are " + ours + ", got {\"dedicated\":false}"),
                refusal("top-level key unlike any", kubernetes().set("replicas", 3),
                        "redis-enterprise:replicas: unknown key; the keys of this project are " + ours + ", got 3"),
                refusal("nested key unlike any", aws().with("storage", "speed", "fast"),
                        "redis-enterprise:storage.speed: unknown key; known keys are className, csiDriverVersion, diskType, encryptionKey, existingClassName, installCsiDriver, iops, parameters, provisioner, throughputMiBps, got \"fast\""),
                refusal("cloud missing", new TestStacks.Config(),
                        "redis-enterprise:cloud: required, one of aws, gcp, azure, kubernetes, got nothing"),
                refusal("whole number", aws().with("redis", "nodes", "three"),
                        "redis-enterprise:redis.nodes: must be a whole number, got \"three\""),
                refusal("whole number, not a fraction", aws().with("redis", "nodes", 3.5),
                        "redis-enterprise:redis.nodes: must be a whole number, got 3.5"),
                refusal("true or false", aws().with("redis", "protect", "no"),
                        "redis-enterprise:redis.protect: must be true or false, got \"no\""),
                refusal("list of strings", gcp().with("nodePool", "zones", "europe-west1-b"),
                        "redis-enterprise:nodePool.zones: must be a list of strings, got \"europe-west1-b\""),
                refusal("map of strings", kubernetes().set("storage", Map.of("provisioner", "x", "parameters", Map.of("iops", 3000))),
                        "redis-enterprise:storage.parameters.iops: must be a string, got 3000"),
                refusal("object", aws().set("services", "ClusterIP"),
                        "redis-enterprise:services: must be an object (a map of keys), got \"ClusterIP\""),
                refusal("two allowed values", aws().set("services", Map.of("type", "NodePort")),
                        "redis-enterprise:services.type: must be ClusterIP or LoadBalancer, got \"NodePort\""),
                refusal("email", aws().set("adminUsername", "admin"),
                        "redis-enterprise:adminUsername: must be an email address (Redis Enterprise logs in with one), got \"admin\""),
                refusal("aws region", aws().set("aws:region", "useast1"),
                        "aws:region: must be an AWS region such as us-east-1, got \"useast1\""),
                refusal("non-empty string", aws().with("cluster", "name", "  "),
                        "redis-enterprise:cluster.name: must be a non-empty string, got \"  \""),
                refusal("maximum", TestStacks.azure().with("nodePool", "maxPods", 300),
                        "redis-enterprise:nodePool.maxPods: must be at most 250, got 300"),
                refusal("minimum", gcp().with("nodePool", "diskSizeGb", 10),
                        "redis-enterprise:nodePool.diskSizeGb: must be at least 20, got 10"),
                refusal("not negative", gcp().with("nodePool", "sparePerZone", -1),
                        "redis-enterprise:nodePool.sparePerZone: must not be negative, got -1"),
                refusal("empty list", aws().set("services", Map.of("type", "LoadBalancer", "loadBalancerSourceRanges", List.of())),
                        "redis-enterprise:services.loadBalancerSourceRanges: must not be empty, got []"),
                refusal("CIDR prefix out of range", aws().set("services", Map.of("type", "LoadBalancer", "loadBalancerSourceRanges", List.of("10.0.0.0/8", "10.0.0.0/33"))),
                        "redis-enterprise:services.loadBalancerSourceRanges[1]: must be a CIDR block such as 10.0.0.0/8 (an IPv4 prefix of at most /32, IPv6 at most /128), got \"10.0.0.0/33\""),
                refusal("quantity", aws().with("redis", "memory", true),
                        "redis-enterprise:redis.memory: must be a Kubernetes quantity such as 4Gi or 500m, got true"),
                refusal("secret in plaintext", aws().set("adminPassword", "hunter2hunter2"),
                        "redis-enterprise:adminPassword: must be a secret: pulumi config set --secret redis-enterprise:adminPassword <password>, got a plaintext value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structuralRules")
    void eachStructuralRuleIsOneLine(String rule, TestStacks.Config config, String line) {
        assertThat(problems(config)).containsExactly(line);
    }

    @Test
    void twoProblemsWithOneSpellingAreBothReported() {
        // The dotted top-level key and the field it meant are two places, so two lines.
        assertThat(problems(kubernetes().set("redis.nodes", 5).with("redis", "nodes", 100001))).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("redis-enterprise:redis.nodes: unknown key"))
                .anySatisfy(l -> assertThat(l).startsWith("redis-enterprise:redis.nodes: must be at most 35"));
    }

    @Test
    void aSecretKubeconfigAndSectionsOfYourOwnPassTheSchemaAsTheyPassThePlan() throws IOException {
        JsonNode file = YAML.readTree("""
                x-defaults: &db
                  memory: 1Gi
                config:
                  redis-enterprise:cloud: kubernetes
                  redis-enterprise:cluster:
                    kubeconfig:
                      secure: v1:abc
                """);
        assertThat(StackSchema.standard().checkStackFile(file, Set.of()).problems()).isEmpty();
    }

    @Test
    void keysOfOtherNamespacesAreLeftToTheirOwners() {
        assertThat(kubernetes().set("kubernetes:context", "kind-kind").set("aws:profile", "prod").settings().cloud())
                .isEqualTo(Cloud.KUBERNETES);
    }

    @Test
    void aRefusedValueCausesNoFollowOnLine() {
        // memory breaks the schema: no volume or fit rule may be computed from the default it would otherwise get.
        assertThat(problems(aws().with("redis", "memory", "lots").with("redis", "volumeSize", "1Gi")))
                .containsExactly("redis-enterprise:redis.memory: must be a Kubernetes quantity such as 4Gi or 500m, got \"lots\"");
        // zones broke the schema: the subnet count is not compared with them.
        assertThat(problems(aws().with("nodePool", "zones", List.of("us-east-1a", "us-east-1a", "us-east-1b"))))
                .containsExactly("redis-enterprise:nodePool.zones: must not list the same value twice, got [\"us-east-1a\",\"us-east-1a\",\"us-east-1b\"]");
    }

    @Test
    void everyProblemAtOnceStructuralAndCrossKey() {
        assertThat(problems(aws().set("redis.nodes", 5).with("redis", "nodes", 4).with("storage", "iops", 99999)))
                .containsExactly(
                        "redis-enterprise:redis.nodes: unknown key: pulumi config set without --path wrote a top-level key; set nodes inside redis with pulumi config set --path 'redis-enterprise:redis.nodes' <value> (and remove this key), got 5",
                        "redis-enterprise:redis.nodes: must be odd and at least 3, so the cluster keeps a quorum (1 is allowed only when cloud is kubernetes), got 4",
                        "redis-enterprise:storage.iops: must be between 3000 and 80000 for disk type gp3, got 99999");
    }

    @Test
    void aSecretNeverAppearsInALine() {
        // A secret object whose nested value breaks a rule: the line names the key, not the text.
        var config = aws().secret("cluster", Map.of("name", "prod", "colour", "sekrit-value"));
        assertThat(problems(config)).containsExactly(
                "redis-enterprise:cluster.colour: unknown key; known keys are context, kubeconfig, kubeloginMode, location, name, resourceGroup, workloadIdentity, got [secret]");
    }
}
