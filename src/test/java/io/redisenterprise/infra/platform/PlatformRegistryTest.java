package io.redisenterprise.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.PlanRun;
import io.redisenterprise.infra.platform.aws.AwsPlatform;
import io.redisenterprise.infra.platform.kubernetes.ExistingClusterPlatform;
import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.InvalidConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Platforms are discovered at run time, so a slim build carries one cloud and says so when asked for another. */
class PlatformRegistryTest {

    @Test
    void theDefaultBuildCarriesEveryCloud() {
        assertThat(PlatformRegistry.discover().available())
                .containsExactlyInAnyOrder(Cloud.AWS, Cloud.GCP, Cloud.AZURE, Cloud.KUBERNETES);
    }

    @Test
    void aCloudMissingFromTheBuildFailsInOneLineNamingTheProfile() {
        PlatformRegistry slim = PlatformRegistry.of(List.of(new ExistingClusterPlatform(), new AwsPlatform()));
        var e = catchThrowableOfType(InvalidConfigException.class, () -> slim.forCloud(Cloud.GCP));
        assertThat(e.lines()).containsExactly("redis-enterprise:cloud: this build carries only aws, kubernetes; rebuild with "
                + "`mvn package -P gcp` (or the default build, which carries every cloud), got \"gcp\"");
    }

    @Test
    void theProgramRefusesACloudTheBuildLacks() {
        PlatformRegistry slim = PlatformRegistry.of(List.of(new ExistingClusterPlatform()));
        var settings = TestStacks.azure().settings();
        assertThat(catchThrowableOfType(RuntimeException.class,
                () -> PlanRun.run("redis-enterprise", "test", settings, slim)))
                .hasMessageContaining("this build carries only kubernetes; rebuild with `mvn package -P azure`");
    }
}
