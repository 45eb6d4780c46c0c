package io.redisenterprise.infra.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.settings.OperatorRelease;
import io.redisenterprise.infra.settings.SettingsLoader;
import io.redisenterprise.infra.settings.StackSchema;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRDs the tests validate against, the default operator release, the default Redis image and every shipped stack
 * move together: a new default operator.version without its CRDs (or the other way round) fails here.
 */
class OperatorCrdVersionTest {
    static final String NS = SettingsLoader.NAMESPACE + ":";

    static String defaultOperatorVersion() {
        return StackSchema.standard().defaultOf(NS + "operator", "version").orElseThrow().asText();
    }

    @Test
    void theVendoredCrdsAreThoseOfTheDefaultOperatorRelease() {
        assertThat(RedisEnterpriseCrdSchema.operatorVersion()).isEqualTo(defaultOperatorVersion());
    }

    @Test
    void theDefaultReleaseIsPublishedAndShipsTheDefaultImage() {
        OperatorRelease release = OperatorRelease.find(defaultOperatorVersion()).orElseThrow();
        assertThat(release.chartPublished()).as("helm.redis.io publishes chart %s", release.operator()).isTrue();
        assertThat(StackSchema.standard().defaultOf(NS + "redis", "image").orElseThrow().asText())
                .isEqualTo(release.redisImage());
    }

    static java.util.List<Path> stackFiles() throws IOException {
        return ManifestSchemaTest.stackFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stackFiles")
    void everyShippedStackRunsTheOperatorOfTheVendoredCrds(Path stackFile) throws IOException {
        var settings = SettingsLoader.loadForPlan(StackFile.read(stackFile));
        assertThat(settings.deployment().usesOperator()).isTrue();
        assertThat(settings.deployment().operator().version()).isEqualTo(RedisEnterpriseCrdSchema.operatorVersion());
    }
}
