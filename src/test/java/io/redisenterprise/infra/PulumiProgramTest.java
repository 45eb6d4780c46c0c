package io.redisenterprise.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.exceptions.RunException;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import io.redisenterprise.infra.plan.PlanMocks;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
        List<LogRecord> engineLog = new ArrayList<>();
        // What the engine would print is captured here and checked, instead of reaching the build's console.
        Logger logger = Logger.getLogger(PulumiTestInternal.class.getName());
        boolean parents = logger.getUseParentHandlers();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                engineLog.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            // The mock engine passes no config, which is exactly a stack without redis-enterprise:cloud.
            var result = PulumiTest.withMocks(mocks)
                    .withOptions(TestOptions.builder().projectName("redis-enterprise").stackName("test").build())
                    .runTest(Main::program);
            String expected = "invalid configuration:\n"
                    + "redis-enterprise:cloud: required, one of aws, gcp, azure, kubernetes, got nothing";
            assertThat(result.exceptions()).filteredOn(e -> e instanceof RunException).singleElement()
                    .extracting(Throwable::getMessage).asString().isEqualTo(expected);
            // The engine logs a RunException's message alone: no exception, so no stack trace.
            assertThat(engineLog).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.SEVERE);
                assertThat(r.getMessage()).isEqualTo(expected);
                assertThat(r.getThrown()).isNull();
            });
            assertThat(mocks.resources()).isEmpty();
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(parents);
        }
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
