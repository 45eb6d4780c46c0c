package io.redisenterprise.infra.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Serialises a {@link Plan}: {@code manifests.yaml} (every Kubernetes object, in an order that applies
 * cleanly) and {@code plan.json} (the provider plugins that would run, every resource with its Pulumi type token,
 * and the outputs).
 */
public final class PlanDocuments {
    public static final String MANIFESTS = "manifests.yaml";
    public static final String PLAN_JSON = "plan.json";

    /** Kinds that others depend on come first; workloads after what they mount and run as. */
    private static final List<String> KIND_ORDER = List.of(
            "Namespace", "StorageClass", "PriorityClass", "ServiceAccount", "ClusterRole", "ClusterRoleBinding",
            "Role", "RoleBinding", "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding", "Secret", "ConfigMap", "Service", "StatefulSet", "PodDisruptionBudget");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanDocuments() {
    }

    /** Kubernetes objects as the provider would send them, ordered for a clean apply. */
    public static List<Map<String, Object>> manifests(Plan plan) {
        List<PlannedResource> objects = new ArrayList<>(plan.kubernetesObjects());
        objects.sort(Comparator.comparingInt(PlanDocuments::kindRank));
        List<Map<String, Object>> out = new ArrayList<>();
        for (PlannedResource r : objects) {
            Map<String, Object> doc = new LinkedHashMap<>();
            // apiVersion, kind, metadata first, as people write manifests.
            for (String k : List.of("apiVersion", "kind", "metadata")) {
                if (r.inputs().containsKey(k)) {
                    doc.put(k, r.inputs().get(k));
                }
            }
            r.inputs().forEach(doc::putIfAbsent);
            out.add(doc);
        }
        return out;
    }

    private static int kindRank(PlannedResource r) {
        int i = KIND_ORDER.indexOf(String.valueOf(r.inputs().get("kind")));
        return i < 0 ? KIND_ORDER.size() : i;
    }

    public static String manifestsYaml(Plan plan) {
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> doc : manifests(plan)) {
            try {
                sb.append(YAML.writeValueAsString(doc));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    public static Map<String, Object> planJson(Plan plan) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("stack", plan.stack());
        doc.put("project", plan.project());
        doc.put("cloud", plan.settings().cloud().key());
        doc.put("plugins", plugins(plan));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", r.type());
            m.put("name", r.name());
            m.put("parent", r.parent().orElse(null));
            m.put("provider", r.provider().orElse(null));
            if (!r.options().isEmpty()) {
                m.put("options", r.options());
            }
            m.put("inputs", r.inputs());
            resources.add(m);
        }
        doc.put("resources", resources);
        doc.put("outputs", plan.outputs());
        return doc;
    }

    /**
     * The provider plugins {@code pulumi up} would run, one entry per provider the plan uses: each explicit
     * provider ({@code pulumi:providers:<package>} resource) with its {@code version} option, and, for each package
     * with resources on no explicit provider, the default provider with the SDK's default plugin version, read
     * from the SDK jar's {@code com/pulumi/<package>/version.txt} (the file the generated classes read too).
     * Entries: {@code {"package", "provider" ("type::name" or "default"), "version", "source"}}, sorted.
     */
    public static List<Map<String, Object>> plugins(Plan plan) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (PlannedResource r : plan.resources()) {
            if (r.type().startsWith(PROVIDER_TYPE_PREFIX)) {
                String pkg = r.type().substring(PROVIDER_TYPE_PREFIX.length());
                Object version = r.options().get("version");
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("package", pkg);
                e.put("provider", r.type() + "::" + r.name());
                e.put("version", version);
                e.put("source", version == null ? "none: the engine's choice" : "version option");
                out.put(pkg + " " + r.name(), e);
            } else if (r.provider().isEmpty()) {
                String pkg = r.type().substring(0, r.type().indexOf(':'));
                sdkDefaultVersion(pkg).ifPresent(version -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("package", pkg);
                    e.put("provider", "default");
                    e.put("version", version);
                    e.put("source", versionResource(pkg));
                    out.put(pkg + " ", e);
                });
            }
        }
        return List.copyOf(out.values());
    }

    private static final String PROVIDER_TYPE_PREFIX = "pulumi:providers:";

    /**
     * The plugin version a Pulumi Java SDK package defaults to: its {@code com/pulumi/<package>/version.txt}
     * resource; empty for anything that is not an SDK package on the class path (components, built-ins).
     */
    public static Optional<String> sdkDefaultVersion(String pkg) {
        try (var in = PlanDocuments.class.getClassLoader().getResourceAsStream(versionResource(pkg))) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String versionResource(String pkg) {
        return "com/pulumi/" + pkg + "/version.txt";
    }

    public static String planJsonText(Plan plan) {
        try {
            return JSON.writeValueAsString(planJson(plan));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Plan plan, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MANIFESTS), manifestsYaml(plan));
        Files.writeString(dir.resolve(PLAN_JSON), planJsonText(plan) + "\n");
    }
}
