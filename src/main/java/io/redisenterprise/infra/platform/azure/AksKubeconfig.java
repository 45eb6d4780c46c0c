package io.redisenterprise.infra.platform.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The AKS user kubeconfig, made to work without a person at a browser.
 *
 * <p>On a cluster with Microsoft Entra ID, {@code listClusterUserCredential} with format {@code exec} returns a
 * user that runs {@code kubelogin get-token ... --login devicecode}: it waits for someone to enter a code in a
 * browser, which never happens under {@code pulumi up} in CI. This rewrites that user's arguments, as data, the
 * way {@code kubelogin convert-kubeconfig -l <mode>} does (Azure/kubelogin
 * {@code pkg/internal/converter/convert.go}): {@code get-token --login <mode> --server-id <the cluster's server
 * application ID>}, nothing else. With {@code azurecli} kubelogin uses the {@code az login} session (and the
 * tenant of that session: the converter drops {@code --tenant-id}); with {@code workloadidentity} it reads
 * {@code AZURE_CLIENT_ID}, {@code AZURE_TENANT_ID}, {@code AZURE_FEDERATED_TOKEN_FILE} and
 * {@code AZURE_AUTHORITY_HOST} from the environment (kubelogin docs, concepts/login-modes). Kubeconfigs without a
 * kubelogin user (local accounts: a client certificate) come back unchanged, byte for byte.
 */
final class AksKubeconfig {
    /** The kubelogin login modes that never prompt and that this program offers ({@code cluster.kubeloginMode}). */
    static final Set<String> LOGIN_MODES = Set.of("azurecli", "workloadidentity");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private AksKubeconfig() {
    }

    /**
     * @param kubeconfig the kubeconfig AKS returned (YAML)
     * @param loginMode  {@code azurecli} or {@code workloadidentity}
     * @return the kubeconfig whose kubelogin users run {@code loginMode}; the input itself when it has none
     */
    static String nonInteractive(String kubeconfig, String loginMode) {
        if (!LOGIN_MODES.contains(loginMode)) {
            throw new IllegalArgumentException("not a non-interactive kubelogin login mode: " + loginMode);
        }
        JsonNode doc;
        try {
            doc = YAML.readTree(kubeconfig);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the kubeconfig from AKS is not YAML", e);
        }
        boolean changed = false;
        JsonNode users = doc == null ? MissingNode.getInstance() : doc.path("users");
        for (JsonNode user : users) {
            if (!(user.path("user").path("exec") instanceof ObjectNode exec)
                    || !exec.path("command").asText().toLowerCase().contains("kubelogin")) {
                continue;
            }
            List<String> args = new ArrayList<>();
            exec.path("args").forEach(a -> args.add(a.asText()));
            Optional<String> serverId = valueAfter(args, "--server-id");
            if (serverId.isEmpty()) {
                // Every login mode needs the server application ID; without it kubelogin cannot be told.
                continue;
            }
            ArrayNode rewritten = exec.arrayNode();
            List.of("get-token", "--login", loginMode, "--server-id", serverId.get()).forEach(rewritten::add);
            exec.set("args", rewritten);
            exec.put("interactiveMode", "Never");
            changed = true;
        }
        if (!changed) {
            return kubeconfig;
        }
        try {
            return YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> valueAfter(List<String> args, String flag) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(flag) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (args.get(i).startsWith(flag + "=")) {
                return Optional.of(args.get(i).substring(flag.length() + 1));
            }
        }
        return Optional.empty();
    }
}
