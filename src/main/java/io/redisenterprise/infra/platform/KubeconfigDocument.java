package io.redisenterprise.infra.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kubeconfig built as data and serialised by Jackson: one cluster, one context, and a user whose credentials
 * come from a client-go exec plugin ({@code aws eks get-token}, {@code gke-gcloud-auth-plugin}).
 */
public final class KubeconfigDocument {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private KubeconfigDocument() {
    }

    /** An exec credential plugin: the command, its arguments, and hints for users who lack it. */
    public record ExecPlugin(String command, List<String> args, String installHint, boolean provideClusterInfo) {
    }

    public static String withExecPlugin(String name, String server, String certificateAuthorityData, ExecPlugin plugin) {
        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", "client.authentication.k8s.io/v1beta1");
        exec.put("command", plugin.command());
        exec.put("args", plugin.args());
        exec.put("installHint", plugin.installHint());
        exec.put("provideClusterInfo", plugin.provideClusterInfo());
        exec.put("interactiveMode", "Never");

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("kind", "Config");
        doc.put("clusters", List.of(Map.of("name", name, "cluster",
                Map.of("server", server, "certificate-authority-data", certificateAuthorityData))));
        doc.put("contexts", List.of(Map.of("name", name, "context", Map.of("cluster", name, "user", name))));
        doc.put("current-context", name);
        doc.put("preferences", Map.of());
        doc.put("users", List.of(Map.of("name", name, "user", Map.of("exec", exec))));
        try {
            return YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
