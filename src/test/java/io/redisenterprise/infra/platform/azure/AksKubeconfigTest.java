package io.redisenterprise.infra.platform.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The AKS kubeconfig's kubelogin user is rewritten, as data, to a login mode that never waits for a browser. */
class AksKubeconfigTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String SERVER_ID = "6dae42f8-4368-4678-94ff-3960e28e3630";

    /** What listClusterUserCredential returns with format exec on a cluster with Microsoft Entra ID. */
    static final String ENTRA_ID = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: Q0E=
                server: https://prod-aks-dns.hcp.westeurope.azmk8s.io:443
              name: prod-aks
            contexts:
            - context:
                cluster: prod-aks
                user: clusterUser_prod-rg_prod-aks
              name: prod-aks
            current-context: prod-aks
            kind: Config
            preferences: {}
            users:
            - name: clusterUser_prod-rg_prod-aks
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  args:
                  - get-token
                  - --environment
                  - AzurePublicCloud
                  - --server-id
                  - 6dae42f8-4368-4678-94ff-3960e28e3630
                  - --client-id
                  - 80faf920-1908-4b52-b5ef-a8e7bedfc67a
                  - --tenant-id
                  - 00000000-0000-0000-0000-000000000001
                  - --login
                  - devicecode
                  command: kubelogin
                  env: null
                  provideClusterInfo: false
            """;

    /** A cluster with local accounts: a client certificate, no kubelogin. */
    static final String LOCAL_ACCOUNTS = """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: Q0E=
                server: https://prod-aks-dns.hcp.westeurope.azmk8s.io:443
              name: prod-aks
            contexts:
            - context:
                cluster: prod-aks
                user: clusterUser_prod-rg_prod-aks
              name: prod-aks
            current-context: prod-aks
            kind: Config
            users:
            - name: clusterUser_prod-rg_prod-aks
              user:
                client-certificate-data: Q0VSVA==
                client-key-data: S0VZ
            """;

    @ParameterizedTest
    @ValueSource(strings = {"azurecli", "workloadidentity"})
    void kubeloginRunsTheChosenLoginModeWithTheClustersServerId(String mode) throws Exception {
        JsonNode doc = YAML.readTree(AksKubeconfig.nonInteractive(ENTRA_ID, mode));
        JsonNode exec = doc.at("/users/0/user/exec");
        assertThat(exec.get("command").asText()).isEqualTo("kubelogin");
        List<String> args = YAML.convertValue(exec.get("args"), List.class);
        // As `kubelogin convert-kubeconfig -l <mode>` writes it: no device code, no client or tenant to prompt for.
        assertThat(args).containsExactly("get-token", "--login", mode, "--server-id", SERVER_ID);
        assertThat(exec.get("interactiveMode").asText()).isEqualTo("Never");
        assertThat(exec.get("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1beta1");
        // The cluster is untouched: the Kubernetes provider sees the same cluster and replaces nothing.
        assertThat(doc.get("clusters")).isEqualTo(YAML.readTree(ENTRA_ID).get("clusters"));
        assertThat(doc.get("current-context").asText()).isEqualTo("prod-aks");
    }

    @Test
    void aKubeconfigWithoutKubeloginComesBackAsItWas() {
        assertThat(AksKubeconfig.nonInteractive(LOCAL_ACCOUNTS, "azurecli")).isEqualTo(LOCAL_ACCOUNTS);
    }
}
