package io.redisenterprise.infra.redis.operator;

import static io.redisenterprise.infra.TestStacks.atMap;
import static io.redisenterprise.infra.TestStacks.only;
import static io.redisenterprise.infra.TestStacks.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.Plan;
import io.redisenterprise.infra.plan.PlanDocuments;
import io.redisenterprise.infra.plan.PlannedResource;
import io.redisenterprise.infra.plan.RedisEnterpriseCrdSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Declared databases in operator mode: one RedisEnterpriseDatabase each, after the cluster, with endpoints out. */
class OperatorDatabasesTest {
    static final String REDB = "kubernetes:app.redislabs.com/v1alpha1:RedisEnterpriseDatabase";
    static final String REC = "kubernetes:app.redislabs.com/v1:RedisEnterpriseCluster";
    static final String SECRET = "kubernetes:core/v1:Secret";
    static final String PASSWORD = "sessions-password-42";
    static final String EXAMPLE_MARKER = "<!-- example:databases";

    /** The README's example databases, with the secure password as the test's secret. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readmeExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int marker = readme.indexOf(EXAMPLE_MARKER);
        assertThat(marker).as("README has the databases example").isNotNegative();
        int start = readme.indexOf("```yaml\n", marker) + "```yaml\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        Map<String, Object> config = new ObjectMapper(new YAMLFactory()).readValue(block, Map.class);
        List<Map<String, Object>> dbs = new ArrayList<>();
        for (Map<String, Object> db : (List<Map<String, Object>>) config.get("redis-enterprise:databases")) {
            Map<String, Object> copy = new LinkedHashMap<>(db);
            if (copy.get("password") instanceof Map<?, ?> secure) {
                assertThat(secure.keySet().stream().map(String::valueOf).toList()).containsExactly("secure");
                copy.put("password", PASSWORD);
            }
            dbs.add(copy);
        }
        return dbs;
    }

    static TestStacks.Config withExample(String cloud) throws IOException {
        TestStacks.Config config = TestStacks.forCloud(cloud).secret("databases", readmeExample()).secret("license", "LICENSE-KEY");
        // An existing cluster's default pods (4Gi) are a development size; the example needs production-sized ones.
        return cloud.equals("kubernetes") ? config.with("redis", "memory", "16Gi").with("redis", "cpu", "4") : config;
    }

    static PlannedResource database(Plan plan, String name) {
        return plan.ofType(REDB).stream().filter(r -> atMap(r.inputs(), "metadata").get("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no RedisEnterpriseDatabase " + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "gcp", "azure", "kubernetes"})
    void theReadmeExamplePlansOneValidDatabasePerEntryAfterTheCluster(String cloud) throws IOException {
        Plan plan = withExample(cloud).plan();
        assertThat(plan.ofType(REDB)).hasSize(3);
        PlannedResource rec = only(plan, REC);
        for (PlannedResource redb : plan.ofType(REDB)) {
            assertThat(redb.dependsOn()).as("created after the cluster, deleted before it").contains(REC + "::" + rec.name());
            assertThat(redb.parent()).contains(rec.parent().orElseThrow());
            assertThat(redb.isProtected()).isTrue();
            assertThat(atMap(redb.inputs(), "metadata", "annotations")).containsEntry("pulumi.com/waitFor",
                    "jsonpath={.status.status}=active");
            assertThat(atMap(redb.inputs(), "spec", "redisEnterpriseCluster")).containsEntry("name",
                    atMap(rec.inputs(), "metadata").get("name"));
        }
        List<Map<String, Object>> manifests = PlanDocuments.manifests(plan).stream()
                .filter(o -> "RedisEnterpriseDatabase".equals(o.get("kind"))).toList();
        assertThat(manifests).hasSize(3);
        for (Map<String, Object> manifest : manifests) {
            assertThat(RedisEnterpriseCrdSchema.validate(manifest)).as("strict REDB CRD: %s", manifest).isEmpty();
        }
    }

    @Test
    void theSpecCarriesEveryDeclaredSetting() throws IOException {
        Plan plan = withExample("aws").plan();
        Map<String, Object> sessions = atMap(database(plan, "sessions").inputs(), "spec");
        assertThat(sessions).containsEntry("memorySize", "4096MB").containsEntry("shardCount", 1L)
                .containsEntry("replication", true).containsEntry("persistence", "aofEverySecond")
                .containsEntry("tlsMode", "disabled").containsEntry("evictionPolicy", "volatile-lru")
                .containsEntry("ossCluster", false).containsEntry("rackAware", true)
                .containsEntry("databaseSecretName", "sessions.password").containsEntry("shardsPlacement", "sparse")
                .doesNotContainKey("databasePort");
        Map<String, Object> cache = atMap(database(plan, "cache").inputs(), "spec");
        assertThat(cache).containsEntry("replication", false).containsEntry("persistence", "disabled")
                .containsEntry("evictionPolicy", "allkeys-lru").containsEntry("rackAware", false);
        Map<String, Object> orders = atMap(database(plan, "orders").inputs(), "spec");
        assertThat(orders).containsEntry("shardCount", 3L).containsEntry("databasePort", 12000L)
                .containsEntry("persistence", "aofAlways").containsEntry("memorySize", "12288MB");
    }

    @Test
    void modulesAreListedAsTheOperatorNamesThem() {
        Plan plan = TestStacks.aws().set("databases", List.of(Map.of("name", "search", "memory", "1Gi",
                "modules", List.of(Map.of("name", "search", "version", "2.10.5", "args", "MAXSEARCHRESULTS 1000"))))).plan();
        Map<String, Object> spec = atMap(database(plan, "search").inputs(), "spec");
        assertThat(spec.get("modulesList")).isEqualTo(List.of(Map.of("name", "search", "version", "2.10.5",
                "config", "MAXSEARCHRESULTS 1000")));
        assertThat(RedisEnterpriseCrdSchema.validate(PlanDocuments.manifests(plan).stream()
                .filter(o -> "RedisEnterpriseDatabase".equals(o.get("kind"))).findFirst().orElseThrow())).isEmpty();
    }

    @Test
    void aGivenPasswordGoesIntoTheNamedSecretAndNowhereInThePlan() throws IOException {
        Plan plan = withExample("aws").plan();
        List<PlannedResource> secrets = plan.ofType(SECRET).stream()
                .filter(r -> atMap(r.inputs(), "metadata").get("name").equals("sessions.password")).toList();
        assertThat(secrets).hasSize(1);
        assertThat(secrets.get(0).secretInputs()).contains("stringData");
        assertThat(database(plan, "sessions").dependsOn()).contains(SECRET + "::" + secrets.get(0).name());
        // Without a password the operator generates one into redb-<name>: no Secret of ours.
        assertThat(plan.ofType(SECRET)).noneMatch(r -> atMap(r.inputs(), "metadata").get("name").equals("redb-cache"));
        assertThat(atMap(database(plan, "cache").inputs(), "spec")).containsEntry("databaseSecretName", "redb-cache");
        assertThat(PlanDocuments.planJsonText(plan)).doesNotContain(PASSWORD);
        assertThat(PlanDocuments.manifestsYaml(plan)).doesNotContain(PASSWORD);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStackOutputsEachEndpointAndItsSecretName() throws IOException {
        Plan plan = withExample("gcp").plan();
        Map<String, Object> databases = (Map<String, Object>) plan.outputs().get("databases");
        assertThat(databases).containsOnlyKeys("sessions", "cache", "orders");
        assertThat((Map<String, Object>) databases.get("orders")).containsEntry("service",
                "orders.redis-enterprise.svc.cluster.local").containsEntry("port", 12000).containsEntry("secret", "redb-orders");
        // A port Redis Enterprise assigns is read from the database's status once it is active: unknown offline.
        assertThat((Map<String, Object>) databases.get("cache")).containsEntry("secret", "redb-cache").containsKey("service");
    }

    @Test
    void assignedPortsComeFromTheDatabaseStatus() {
        assertThat(OperatorDatabases.assignedPort(Map.of("internalEndpoints", List.of(Map.of("host", "h", "port", 13421)))))
                .isEqualTo(13421);
        assertThat(OperatorDatabases.assignedPort(Map.of())).isNull();
        assertThat(OperatorDatabases.assignedPort(null)).isNull();
    }

    @Test
    void noDatabasesNoOutput() {
        Plan plan = TestStacks.aws().plan();
        assertThat(plan.ofType(REDB)).isEmpty();
        assertThat(plan.outputs()).doesNotContainKey("databases");
    }

    @Test
    void theStatefulSetModeRefusesDatabasesPointingAtTheOperator() {
        assertThat(problems(TestStacks.aws().statefulSet().set("databases", List.of(Map.of("name", "a", "memory", "1Gi")))))
                .containsExactly("redis-enterprise:databases: need redis.deployment: operator (the Redis Enterprise"
                        + " operator creates and keeps the databases); in statefulset mode create databases in the Redis"
                        + " Enterprise UI or REST API, got 1 database");
    }
}
