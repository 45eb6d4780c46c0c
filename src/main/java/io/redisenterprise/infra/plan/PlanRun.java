package io.redisenterprise.infra.plan;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.redisenterprise.infra.RedisEnterpriseStack;
import io.redisenterprise.infra.platform.PlatformRegistry;
import io.redisenterprise.infra.settings.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Runs the real program ({@link RedisEnterpriseStack#deploy}) under the Pulumi SDK's mock engine and returns
 * the {@link Plan}: the same code path as {@code pulumi up}, with look-ups answered by placeholders.
 */
public final class PlanRun {
    /**
     * The mock engine logs the program's errors to this java.util.logging logger (the SDK's
     * {@code PulumiTestInternal.defaultLogger}), which prints them on the console with a stack trace. The same
     * errors come back in the test result and the plan reports them in one line ({@link PlanFailedException}),
     * so the logger is kept off the console. Held in a field because java.util.logging keeps loggers weakly.
     */
    private static final Logger MOCK_ENGINE_LOG = Logger.getLogger(PulumiTestInternal.class.getName());

    static {
        MOCK_ENGINE_LOG.setUseParentHandlers(false);
    }

    private PlanRun() {
    }

    /** Thrown when the program itself fails under the mock engine (not a configuration problem). */
    public static final class PlanFailedException extends RuntimeException {
        PlanFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Plan run(String project, String stack, Settings settings, PlatformRegistry registry) {
        PlanMocks mocks = new PlanMocks();
        TestResult result;
        try {
            result = PulumiTest.withMocks(mocks)
                    .withOptions(TestOptions.builder()
                            .projectName(project)
                            .stackName(stack)
                            .preview(false)
                            .resourceTransformations(List.of(mocks.secretTracker()))
                            .build())
                    .runTest(ctx -> RedisEnterpriseStack.deploy(ctx, settings, registry));
            if (!result.exceptions().isEmpty() || !result.errors().isEmpty()) {
                Throwable first = result.exceptions().isEmpty() ? null : result.exceptions().get(0);
                String why = !result.errors().isEmpty() ? String.join("; ", result.errors())
                        : String.valueOf(first);
                throw new PlanFailedException("the program failed under the mock engine: " + why, first);
            }
            List<PlannedResource> resources = mocks.resources();
            Map<String, Object> rawOutputs = new TreeMap<>();
            Set<String> secretOutputNames = new HashSet<>();
            for (var e : result.outputs().entrySet()) {
                OutputData<?> data = Internal.of((Output<Object>) e.getValue()).getDataAsync().join();
                rawOutputs.put(e.getKey(), PlanMocks.normalise(data.getValueNullable()));
                if (data.isSecret()) {
                    secretOutputNames.add(e.getKey());
                }
            }
            return mask(project, stack, settings, resources, rawOutputs, secretOutputNames);
        } finally {
            PulumiTest.cleanup();
        }
    }

    /**
     * Masks what is secret. Pulumi marks secrecy per output, so a secret input that is a map (a Kubernetes
     * Secret's {@code stringData}) says only that the map as a whole is secret: it is masked as a whole where it
     * appears, like {@code pulumi preview} shows it, but its other leaves (the admin username beside the password)
     * are not secrets anywhere else. The texts masked everywhere are the ones that are secret at their source:
     * the settings' secrets (admin password, licence), every {@code secure:} value (already the placeholder), and
     * every secret input or output that is a single value (a kubeconfig).
     */
    private static Plan mask(String project, String stack, Settings settings, List<PlannedResource> resources,
                             Map<String, Object> outputs, Set<String> secretOutputNames) {
        Set<String> secretTexts = new HashSet<>();
        secretTexts.add(StackFile.SECRET_PLACEHOLDER);
        SecretMasker.collectLeaves(settings.credentials().adminPassword().reveal(), secretTexts);
        settings.credentials().license().ifPresent(l -> SecretMasker.collectLeaves(l.reveal(), secretTexts));
        for (PlannedResource r : resources) {
            r.secretInputs().forEach(name -> SecretMasker.collectScalar(r.inputs().get(name), secretTexts));
        }
        secretOutputNames.forEach(name -> SecretMasker.collectScalar(outputs.get(name), secretTexts));
        SecretMasker masker = new SecretMasker(secretTexts);
        List<PlannedResource> masked = new ArrayList<>();
        for (PlannedResource r : resources) {
            masked.add(new PlannedResource(r.type(), r.name(), r.parent(), r.provider(),
                    masker.maskInputs(r.inputs(), r.secretInputs()), r.secretInputs(), r.options()));
        }
        Map<String, Object> maskedOutputs = new LinkedHashMap<>();
        outputs.forEach((k, v) -> maskedOutputs.put(k, secretOutputNames.contains(k) ? SecretMasker.MASK : masker.maskKnown(v)));
        return new Plan(project, stack, settings, masked, maskedOutputs);
    }

}
