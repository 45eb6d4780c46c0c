package io.redisenterprise.infra.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Validates Kubernetes objects strictly against the Kubernetes 1.31 API schema, as kubeconform {@code -strict} would. */
public final class KubernetesSchema {
    /**
     * The Kubernetes 1.31 definitions shipped in io.fabric8:kubernetes-model-validator:7.2.0 (generated from the
     * k8s.io/api v1.31 Go types). Only this file of that jar is used: its own validator mishandles IntOrString,
     * Quantity and dotted API groups.
     */
    private static final String SPEC_RESOURCE = "/openshift-generated.json";

    /** A made-up address to register the definitions under; remote fetching is off, so it is never requested. */
    private static final String BASE = "https://k8s-schema.invalid/v1.31/definitions.json";

    /** Where each served apiVersion's kinds live in the definitions; explicit, because the naming is not uniform. */
    private static final Map<String, String> PACKAGE_OF = Map.of(
            "v1", "io.k8s.api.core.v1",
            "apps/v1", "io.k8s.api.apps.v1",
            "policy/v1", "io.k8s.api.policy.v1",
            "storage.k8s.io/v1", "io.k8s.api.storage.v1",
            "rbac.authorization.k8s.io/v1", "io.k8s.api.rbac.v1",
            "networking.k8s.io/v1", "io.k8s.api.networking.v1",
            "batch/v1", "io.k8s.api.batch.v1",
            "scheduling.k8s.io/v1", "io.k8s.api.scheduling.v1",
            "admissionregistration.k8s.io/v1", "io.k8s.api.admissionregistration.v1");

    /**
     * The apiVersion/kind pairs a 1.31 API server serves. The definitions are a union that still holds long-removed
     * versions (policy/v1beta1, extensions/v1beta1, ...), which would otherwise validate; anything not listed here
     * is refused, never skipped, so a new kind is checked the day it is added (after one line here).
     */
    private static final Map<String, Set<String>> SERVED = Map.of(
            "v1", Set.of("Binding", "ConfigMap", "Endpoints", "Event", "LimitRange", "Namespace", "Node",
                    "PersistentVolume", "PersistentVolumeClaim", "Pod", "PodTemplate", "ReplicationController",
                    "ResourceQuota", "Secret", "Service", "ServiceAccount"),
            "apps/v1", Set.of("ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"),
            "policy/v1", Set.of("PodDisruptionBudget"),
            "storage.k8s.io/v1", Set.of("CSIDriver", "CSINode", "CSIStorageCapacity", "StorageClass",
                    "VolumeAttachment"),
            "rbac.authorization.k8s.io/v1", Set.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"),
            "networking.k8s.io/v1", Set.of("Ingress", "IngressClass", "NetworkPolicy"),
            "batch/v1", Set.of("CronJob", "Job"),
            "scheduling.k8s.io/v1", Set.of("PriorityClass"),
            "admissionregistration.k8s.io/v1", Set.of("MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
                    "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private KubernetesSchema() {
    }

    /** Problems with the object, one human-readable line each; empty when the object is valid. */
    public static List<String> validate(Map<String, Object> object) {
        return validate((JsonNode) JSON.valueToTree(object));
    }

    /** As {@link #validate(Map)}, for a document parsed from YAML or JSON text. */
    public static List<String> validate(JsonNode object) {
        if (object == null || !object.isObject()) {
            return List.of("not a Kubernetes object (a mapping with apiVersion and kind): " + object);
        }
        String apiVersion = object.path("apiVersion").asText("");
        String kind = object.path("kind").asText("");
        if (!SERVED.getOrDefault(apiVersion, Set.of()).contains(kind)) {
            return List.of("apiVersion " + apiVersion + " kind " + kind + " is not served by Kubernetes 1.31"
                    + " (or not yet in KubernetesSchema's list of served kinds)");
        }
        Schema schema = SCHEMAS.computeIfAbsent(definitionName(apiVersion, kind),
                d -> Definitions.REGISTRY.getSchema(SchemaLocation.of(BASE + "#/definitions/" + d)));
        List<String> problems = new ArrayList<>();
        for (Error e : schema.validate(object)) {
            // The JSON pointer of the offending field; "/" rather than nothing for the object itself.
            String at = e.getInstanceLocation().toString();
            problems.add((at.isEmpty() ? "/" : at) + ": " + e.getMessage());
        }
        return problems;
    }

    private static String definitionName(String apiVersion, String kind) {
        return PACKAGE_OF.get(apiVersion) + "." + kind;
    }

    /** Loaded on first use only (holder idiom): parsing and patching the 5.9 MB definitions takes a few hundred ms. */
    private static final class Definitions {
        static final SchemaRegistry REGISTRY = load();

        private static SchemaRegistry load() {
            JsonNode spec;
            try (InputStream in = KubernetesSchema.class.getResourceAsStream(SPEC_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(SPEC_RESOURCE + " is not on the test classpath"
                            + " (io.fabric8:kubernetes-model-validator)");
                }
                spec = JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ObjectNode defs = (ObjectNode) spec.get("definitions");
            // A served kind without a definition would otherwise fail only when first met; fail at once instead.
            Map<String, String> missing = new TreeMap<>();
            SERVED.forEach((apiVersion, kinds) -> kinds.forEach(kind -> {
                if (!defs.has(definitionName(apiVersion, kind))) {
                    missing.put(apiVersion + " " + kind, definitionName(apiVersion, kind));
                }
            }));
            if (!missing.isEmpty()) {
                throw new IllegalStateException("no schema definition for " + missing);
            }
            // As kubeconform's openapi2jsonschema: the spec types these as plain strings, but the API server
            // accepts `port: 6379` and `cpu: 2` too, so a plain number must not be reported as an error.
            defs.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", oneOf("string", "integer"));
            defs.set("io.k8s.apimachinery.pkg.api.resource.Quantity", oneOf("string", "number"));
            // Strict: an unknown field is dropped (or refused) by the API server, and in our manifests it is
            // always a mistake, so every schema that names its fields allows no others.
            defs.forEach(KubernetesSchema::forbidUnknownFields);
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("$schema", "http://json-schema.org/draft-07/schema#");
            root.set("definitions", defs);
            String rootText;
            try {
                rootText = JSON.writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // One standalone document: every "#/definitions/..." $ref resolves inside it, with no network.
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b
                    .schemas(Map.of(BASE, rootText))
                    .schemaLoader(l -> l.fetchRemoteResources(false)));
        }
    }

    private static ObjectNode oneOf(String typeA, String typeB) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        ArrayNode alternatives = n.putArray("oneOf");
        alternatives.addObject().put("type", typeA);
        alternatives.addObject().put("type", typeB);
        return n;
    }

    /**
     * Strict, as kubeconform {@code -strict}: every schema that names its properties allows no others, unless it keeps
     * unknown fields on purpose ({@code x-kubernetes-preserve-unknown-fields}) or declares what extra keys hold
     * ({@code additionalProperties}). Used for Kubernetes' own definitions and for the operator's CRDs.
     */
    static void forbidUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode o) {
            // Free-form fields (x-kubernetes-preserve-unknown-fields) keep accepting anything, as on the server.
            if (o.has("properties") && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            o.forEach(KubernetesSchema::forbidUnknownFields);
        } else if (node instanceof ArrayNode a) {
            a.forEach(KubernetesSchema::forbidUnknownFields);
        }
    }
}
