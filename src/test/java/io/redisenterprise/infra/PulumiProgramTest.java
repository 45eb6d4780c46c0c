package io.redisenterprise.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.exceptions.RunException;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import io.redisenterprise.infra.plan.PlanMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The entry point as `pulumi up` runs it: configuration problems stop it before any resource exists. */
class PulumiProgramTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void invalidConfigurationFailsCleanlyBeforeAnyResourceIsRegistered() {
        PlanMocks mocks = new PlanMocks();
        // The mock engine passes no config, which is exactly a stack without redis-enterprise:cloud.
        var result = PulumiTest.withMocks(mocks)
                .withOptions(TestOptions.builder().projectName("redis-enterprise").stackName("test").build())
                .runTest(Main::program);
        // The engine logs a RunException's message without a stack trace.
        assertThat(result.exceptions()).filteredOn(e -> e instanceof RunException).singleElement()
                .extracting(Throwable::getMessage).asString()
                .isEqualTo("invalid configuration:\nredis-enterprise:cloud: required, one of aws, gcp, azure, kubernetes, got nothing");
        assertThat(mocks.resources()).isEmpty();
    }

    @Test
    void theKeysAStackSetsComeFromTheLanguageHostInEitherSpelling() {
        assertThat(PulumiConfigSource.parseKeys("{\"redis-enterprise:cloud\":\"aws\",\"redis-enterprise:config:redis.nodes\":\"5\",\"aws:region\":\"us-east-1\"}"))
                .containsExactly("aws:region", "redis-enterprise:cloud", "redis-enterprise:redis.nodes");
        assertThat(PulumiConfigSource.parseKeys(null)).isEmpty();
        assertThat(PulumiConfigSource.parseKeys("not json")).isEmpty();
    }

    @Test
    void secretKeysComeFromTheLanguageHost() {
        assertThat(PulumiConfigSource.parseSecretKeys("[\"redis-enterprise:adminPassword\",\"aws:secretKey\"]"))
                .containsExactlyInAnyOrder("redis-enterprise:adminPassword", "aws:secretKey");
        assertThat(PulumiConfigSource.parseSecretKeys(null)).isEmpty();
        assertThat(PulumiConfigSource.parseSecretKeys("not json")).isEmpty();
    }
}
