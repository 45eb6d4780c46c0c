package io.redisenterprise.infra.settings;

import static io.redisenterprise.infra.TestStacks.aws;
import static io.redisenterprise.infra.TestStacks.azure;
import static io.redisenterprise.infra.TestStacks.gcp;
import static io.redisenterprise.infra.TestStacks.kubernetes;
import static io.redisenterprise.infra.TestStacks.problems;
import static io.redisenterprise.infra.TestStacks.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.TestStacks;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code redis.deployment} and {@code redis-enterprise:operator}: the rules only one deployment has, one line each. */
class DeploymentSettingsTest {
    static final String UNPUBLISHED_8_0_20_26 = "redis-enterprise:operator.version: must be a release whose Helm chart"
            + " https://helm.redis.io publishes, since operator.install true installs the operator from it (operator"
            + " 8.0.20-26 was announced in its release notes, but its chart was not in the repository when this"
            + " program's release catalogue was last checked): choose one of 8.0.2-2, 8.0.2-6, 8.0.6-8, 8.0.10-21,"
            + " 8.0.10-22, 8.0.10-23, 8.0.16-24, 8.0.16-25, 8.0.18-11, 8.0.18-14, 8.0.20-21, 8.0.20-23, 8.0.20-25,"
            + " 8.2.0-12, got \"8.0.20-26\"";

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("an unknown deployment", aws().with("redis", "deployment", "helm"),
                        "redis-enterprise:redis.deployment: must be operator or statefulset, got \"helm\""),
                refusal("operator keys with the statefulset", aws().set("operator", Map.of("version", "8.0.20-23")).statefulSet(),
                        "redis-enterprise:operator: applies only with redis.deployment operator, got {\"version\":\"8.0.20-23\"}"),
                refusal("a version that is no release", aws().set("operator", Map.of("version", "latest")),
                        "redis-enterprise:operator.version: must be an operator release such as 8.0.20-23 (the chart version is the operator version), got \"latest\""),
                refusal("an unknown operator key", aws().set("operator", Map.of("chart", "x")),
                        "redis-enterprise:operator.chart: unknown key; known keys are install, openshift, version, got \"x\""),
                refusal("OpenShift on a managed cloud", gcp().set("operator", Map.of("openshift", true)),
                        "redis-enterprise:operator.openshift: applies only when cloud is kubernetes (OpenShift clusters are reached by kubeconfig), got true"),
                refusal("OpenShift without installing the operator", kubernetes().set("operator", Map.of("openshift", true, "install", false)),
                        "redis-enterprise:operator.openshift: applies only with operator.install true (it configures the operator's Helm chart), got true"),
                refusal("one node with the operator", kubernetes().with("redis", "nodes", 1),
                        "redis-enterprise:redis.nodes: must be odd and at least 3 with redis.deployment operator (the operator does not support single-node clusters; redis.deployment statefulset runs one node for development), got 1"),
                refusal("a scale-down confirmation with the operator", azure().with("redis", "confirmScaleDown", 3),
                        "redis-enterprise:redis.confirmScaleDown: applies only with redis.deployment statefulset: the operator does not support decreasing the number of nodes (README, Day-2 operations), got 3"),
                refusal("the bootstrap image with the operator", aws().with("redis", "bootstrapImage", "python:3.13-slim"),
                        "redis-enterprise:redis.bootstrapImage: applies only with redis.deployment statefulset (the operator runs its own bootstrapper), got \"python:3.13-slim\""),
                refusal("a decimal volume size with the operator", aws().with("redis", "volumeSize", "1.5Ti"),
                        "redis-enterprise:redis.volumeSize: must be a whole number of its unit with redis.deployment operator (the operator does not accept decimal volume sizes, RED-62132), such as 1536Gi, got \"1.5Ti\""),
                refusal("an image without a tag", aws().with("redis", "image", "redislabs/redis"),
                        "redis-enterprise:redis.image: must be repository:tag with redis.deployment operator (the cluster's redisEnterpriseImageSpec takes a repository and a version tag, no digest), got \"redislabs/redis\""),
                refusal("an image by digest", aws().with("redis", "image", "redislabs/redis@sha256:" + "0".repeat(64)),
                        "redis-enterprise:redis.image: must be repository:tag with redis.deployment operator (the cluster's redisEnterpriseImageSpec takes a repository and a version tag, no digest), got \"redislabs/redis@sha256:" + "0".repeat(64) + "\""),
                refusal("a newer operator with the old image", aws().set("operator", Map.of("version", "8.2.0-12")),
                        "redis-enterprise:redis.image: must be the Redis Software image operator 8.2.0-12 ships (tag 8.2.0-25.12, such as redislabs/redis:8.2.0-25.12): the operator stops managing a cluster whose version does not match it, so operator.version and redis.image change together (README, Day-2 operations), got \"redislabs/redis:8.0.20-44.23\""),
                refusal("a release whose chart helm.redis.io does not publish", aws().set("operator", Map.of("version", "8.0.20-26"))
                                .with("redis", "image", "redislabs/redis:8.0.20-96.26"),
                        UNPUBLISHED_8_0_20_26),
                // The image rule is not computed from a refused version: one line, not two.
                refusal("an unpublished release with another image", gcp().set("operator", Map.of("version", "8.0.20-26")),
                        UNPUBLISHED_8_0_20_26),
                refusal("an unpublished release already running, with another image", gcp()
                                .set("operator", Map.of("version", "8.2.0-13", "install", false)),
                        "redis-enterprise:redis.image: must be the Redis Software image operator 8.2.0-13 ships (tag 8.2.0-46.13, such as redislabs/redis:8.2.0-46.13): the operator stops managing a cluster whose version does not match it, so operator.version and redis.image change together (README, Day-2 operations), got \"redislabs/redis:8.0.20-44.23\""),
                refusal("an image the operator does not ship", gcp().with("redis", "image", "redislabs/redis:7.22.2-189"),
                        "redis-enterprise:redis.image: must be the Redis Software image operator 8.0.20-23 ships (tag 8.0.20-44.23, such as redislabs/redis:8.0.20-44.23): the operator stops managing a cluster whose version does not match it, so operator.version and redis.image change together (README, Day-2 operations), got \"redislabs/redis:7.22.2-189\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void eachRuleIsOneLineNamingKeyRuleAndValue(String rule, TestStacks.Config config, String line) {
        assertThat(problems(config)).containsExactly(line);
    }

    @Test
    void operatorIsTheDefaultAndStatefulSetKeepsItsOwnRules() {
        assertThat(aws().settings().deployment().mode()).isEqualTo(DeploymentMode.OPERATOR);
        Settings s = kubernetes().with("redis", "nodes", 1).with("redis", "bootstrapImage", "python:3.13-slim")
                .with("redis", "volumeSize", "12.5Gi").with("redis", "memory", "4Gi").statefulSet().settings();
        assertThat(s.deployment().mode()).isEqualTo(DeploymentMode.STATEFULSET);
        assertThat(s.redis().nodes()).isEqualTo(1);
        assertThat(s.redis().image()).isEqualTo("redislabs/redis:8.0.20-44.23");
    }

    @Test
    void theOperatorAndItsImageMoveTogether() {
        Settings s = aws().set("operator", Map.of("version", "8.2.0-12"))
                .with("redis", "image", "registry.connect.redhat.com/redislabs/redis-enterprise:8.2.0-25.12.minimal").settings();
        assertThat(s.deployment().operator().version()).isEqualTo("8.2.0-12");
        assertThat(s.deployment().operator().release().orElseThrow().chartPublished()).isTrue();
    }

    /** Without install Helm fetches nothing: the version names the operator already running, and its image rule holds. */
    @Test
    void anUnpublishedReleaseAlreadyRunningInTheNamespaceIsAccepted() {
        Settings s = aws().set("operator", Map.of("version", "8.2.0-13", "install", false))
                .with("redis", "image", "redislabs/redis:8.2.0-46.13").settings();
        assertThat(s.deployment().operator().release().orElseThrow().chartPublished()).isFalse();
        assertThat(OperatorRelease.published()).contains("8.0.20-23", "8.2.0-12").doesNotContain("8.0.20-26", "8.2.0-13");
    }

    @Test
    void aReleaseTheCatalogueDoesNotKnowIsPlannedWithAWarning() {
        Settings s = TestStacks.kubernetes().set("operator", Map.of("version", "9.0.0-1"))
                .with("redis", "image", "redislabs/redis:9.0.0-1.1").settings();
        assertThat(s.deployment().operator().release()).isEmpty();
        assertThat(s.warnings()).filteredOn(w -> w.startsWith("redis-enterprise:operator.version:")).singleElement()
                .asString().startsWith("redis-enterprise:operator.version: 9.0.0-1 is not in");
    }

    @Test
    void aRefusedVersionDoesNotAlsoRefuseTheImage() {
        assertThat(problems(aws().set("operator", Map.of("version", "8.2"))
                .with("redis", "image", "redislabs/redis:8.2.0-25.12"))).singleElement().asString()
                .startsWith("redis-enterprise:operator.version: must be an operator release");
    }

    @Test
    void theReleaseCatalogueKnowsTheDefaultAndItsImage() {
        OperatorRelease standard = OperatorRelease.find("8.0.20-23").orElseThrow();
        assertThat(standard.redisImage()).isEqualTo("redislabs/redis:8.0.20-44.23");
        assertThat(standard.chartPublished()).isTrue();
        assertThat(OperatorRelease.all()).extracting(OperatorRelease::operator).contains("8.0.20-25", "8.2.0-12", "8.2.0-13")
                .doesNotHaveDuplicates();
        assertThat(RedisImage.parse("registry:5000/redis")).isEmpty();
        assertThat(RedisImage.parse("registry:5000/redis:1.2")).contains(new RedisImage("registry:5000/redis", "1.2"));
        assertThat(List.of(new RedisImage("r", "8.0.20-44.23.minimal").carries("8.0.20-44.23"),
                new RedisImage("r", "8.0.20-44.230").carries("8.0.20-44.23"))).containsExactly(true, false);
    }
}
