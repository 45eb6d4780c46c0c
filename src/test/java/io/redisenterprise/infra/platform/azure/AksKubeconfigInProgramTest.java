package io.redisenterprise.infra.platform.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.redisenterprise.infra.RedisEnterpriseStack;
import io.redisenterprise.infra.TestStacks;
import io.redisenterprise.infra.plan.PlanMocks;
import io.redisenterprise.infra.platform.PlatformRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole program on an AKS cluster with Microsoft Entra ID: it asks AKS for the exec kubeconfig, and the
 * explicit Kubernetes provider gets one whose kubelogin never waits for a browser.
 */
class AksKubeconfigInProgramTest {

    /** The plan's mocks, except that AKS answers like a cluster with Microsoft Entra ID; records the look-ups. */
    static final class EntraIdCluster implements Mocks {
        final PlanMocks plan = new PlanMocks();
        final List<CallArgs> calls = new CopyOnWriteArrayList<>();
        final List<ResourceArgs> resources = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            resources.add(args);
            return plan.newResourceAsync(args);
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            calls.add(args);
            if (args.token.equals("azure-native:containerservice:listManagedClusterUserCredentials")) {
                String value = Base64.getEncoder().encodeToString(AksKubeconfigTest.ENTRA_ID.getBytes(StandardCharsets.UTF_8));
                return CompletableFuture.completedFuture(Map.of("kubeconfigs", List.of(Map.of("name", "clusterUser", "value", value))));
            }
            return plan.callAsync(args);
        }
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    TestResult run(EntraIdCluster mocks, TestStacks.Config config) {
        var settings = config.settings();
        return PulumiTest.withMocks(mocks)
                .withOptions(TestOptions.builder().projectName("redis-enterprise").stackName("test").preview(false).build())
                .runTest(ctx -> RedisEnterpriseStack.deploy(ctx, settings, PlatformRegistry.discover()));
    }

    JsonNode providerKubeconfig(EntraIdCluster mocks) throws Exception {
        var provider = mocks.resources.stream().filter(r -> r.type.equals("pulumi:providers:kubernetes")).findFirst().orElseThrow();
        return AksKubeconfigTest.YAML.readTree((String) provider.inputs.get("kubeconfig"));
    }

    @Test
    void theProviderGetsAnExecKubeconfigThatRunsAzureCliLogin() throws Exception {
        var mocks = new EntraIdCluster();
        TestResult result = run(mocks, TestStacks.azure());
        assertThat(result.exceptions()).isEmpty();
        var credentials = mocks.calls.stream()
                .filter(c -> c.token.equals("azure-native:containerservice:listManagedClusterUserCredentials")).findFirst().orElseThrow();
        assertThat(credentials.args).containsEntry("format", "exec")
                .containsEntry("resourceGroupName", "prod-rg").containsEntry("resourceName", "prod-aks");
        JsonNode exec = providerKubeconfig(mocks).at("/users/0/user/exec");
        assertThat(exec.get("args").toString()).isEqualTo(
                "[\"get-token\",\"--login\",\"azurecli\",\"--server-id\",\"" + AksKubeconfigTest.SERVER_ID + "\"]");
    }

    @Test
    void workloadIdentityLoginWhenTheStackSaysSo() throws Exception {
        var mocks = new EntraIdCluster();
        run(mocks, TestStacks.azure().with("cluster", "kubeloginMode", "workloadidentity"));
        JsonNode exec = providerKubeconfig(mocks).at("/users/0/user/exec");
        assertThat(exec.get("args").toString()).contains("\"--login\",\"workloadidentity\"");
    }
}
