package io.redisenterprise.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kubeconfig is a document built as data: it parses, and its user runs the cloud's credential plugin. */
class KubeconfigDocumentTest {

    @Test
    void userRunsTheExecPluginAgainstTheOneCluster() throws Exception {
        String yaml = KubeconfigDocument.withExecPlugin("prod-eks", "https://example.eks.amazonaws.com", "Q0E=",
                new KubeconfigDocument.ExecPlugin("aws", List.of("eks", "get-token", "--cluster-name", "prod-eks"),
                        "Install the AWS CLI", false));
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        assertThat(doc.get("current-context").asText()).isEqualTo("prod-eks");
        assertThat(doc.at("/clusters/0/cluster/server").asText()).isEqualTo("https://example.eks.amazonaws.com");
        assertThat(doc.at("/clusters/0/cluster/certificate-authority-data").asText()).isEqualTo("Q0E=");
        assertThat(doc.at("/contexts/0/context/user").asText()).isEqualTo("prod-eks");
        JsonNode exec = doc.at("/users/0/user/exec");
        assertThat(exec.get("apiVersion").asText()).isEqualTo("client.authentication.k8s.io/v1beta1");
        assertThat(exec.get("command").asText()).isEqualTo("aws");
        assertThat(exec.get("args").toString()).isEqualTo("[\"eks\",\"get-token\",\"--cluster-name\",\"prod-eks\"]");
        assertThat(exec.get("provideClusterInfo").asBoolean()).isFalse();
    }
}
