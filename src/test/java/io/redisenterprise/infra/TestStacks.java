package io.redisenterprise.infra;

import io.redisenterprise.infra.plan.Plan;
import io.redisenterprise.infra.plan.PlanRun;
import io.redisenterprise.infra.plan.PlannedResource;
import io.redisenterprise.infra.platform.PlatformRegistry;
import io.redisenterprise.infra.settings.ConfigSource;
import io.redisenterprise.infra.settings.ConfigValue;
import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.SettingsLoader;
import java.util.HashMap;
import org.junit.jupiter.params.provider.Arguments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Realistic stack configurations per cloud, and running the whole program on them under the mock engine. */
public final class TestStacks {
    public static final String NS = "redis-enterprise:";

    private TestStacks() {
    }

    /** A mutable stack configuration, keyed like a stack file. */
    public static final class Config {
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, Boolean> secret = new HashMap<>();
        /** redis.deployment to apply unless the stack's redis object names one itself, whenever it is set. */
        String deployment;

        /**
         * Today's StatefulSet deployment ({@code redis.deployment: statefulset}), whatever {@code redis} is set to
         * later in the chain: the tests of that mode keep their stacks unchanged otherwise.
         */
        public Config statefulSet() {
            deployment = "statefulset";
            return this;
        }

        public Config set(String key, Object value) {
            values.put(key.contains(":") ? key : NS + key, value);
            secret.remove(key.contains(":") ? key : NS + key);
            return this;
        }

        public Config secret(String key, Object value) {
            set(key, value);
            secret.put(key.contains(":") ? key : NS + key, true);
            return this;
        }

        public Config remove(String key) {
            values.remove(key.contains(":") ? key : NS + key);
            return this;
        }

        /** Sets one field of an object-valued key, e.g. {@code with("redis", "nodes", 5)}. */
        @SuppressWarnings("unchecked")
        public Config with(String objectKey, String field, Object value) {
            String full = objectKey.contains(":") ? objectKey : NS + objectKey;
            Map<String, Object> obj = new LinkedHashMap<>((Map<String, Object>) values.getOrDefault(full, Map.of()));
            if (value == null) {
                obj.remove(field);
            } else {
                obj.put(field, value);
            }
            values.put(full, obj);
            return this;
        }

        @SuppressWarnings("unchecked")
        public ConfigSource source() {
            Map<String, Object> all = new LinkedHashMap<>(values);
            if (deployment != null && (all.get(NS + "redis") == null || all.get(NS + "redis") instanceof Map<?, ?>)) {
                Map<String, Object> redis = new LinkedHashMap<>((Map<String, Object>) all.getOrDefault(NS + "redis", Map.of()));
                redis.putIfAbsent("deployment", deployment);
                all.put(NS + "redis", redis);
            }
            Map<String, Object> copy = Map.copyOf(all);
            Map<String, Boolean> secrets = Map.copyOf(secret);
            return new ConfigSource() {
                @Override
                public Optional<ConfigValue> get(String key) {
                    return Optional.ofNullable(copy.get(key)).map(v -> new ConfigValue(v, secrets.getOrDefault(key, false)));
                }

                @Override
                public java.util.Set<String> keys() {
                    return copy.keySet();
                }
            };
        }

        public Settings settings() {
            return SettingsLoader.load(source());
        }

        public Plan plan() {
            return PlanRun.run("redis-enterprise", "test", settings(), PlatformRegistry.discover());
        }
    }

    /** Every stack needs the admin password, as a secret. */
    static Config base() {
        return new Config().secret("adminPassword", "correct-horse-battery");
    }

    public static Config aws() {
        return base()
                .set("cloud", "aws")
                .set("aws:region", "us-east-1")
                .set("cluster", Map.of("name", "prod-eks"))
                .set("nodePool", Map.of(
                        "zones", List.of("us-east-1a", "us-east-1b", "us-east-1c"),
                        "subnetIds", List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003")))
                // Required on aws; like the shipped stack, the cluster already runs the EBS CSI driver.
                .set("storage", Map.of("installCsiDriver", false));
    }

    public static Config gcp() {
        return base()
                .set("cloud", "gcp")
                .set("gcp:project", "my-project")
                .set("gcp:region", "europe-west1")
                .set("cluster", Map.of("name", "prod-gke"))
                .set("nodePool", Map.of("zones", List.of("europe-west1-b", "europe-west1-c", "europe-west1-d")));
    }

    public static Config azure() {
        return base()
                .set("cloud", "azure")
                .set("cluster", Map.of("name", "prod-aks", "resourceGroup", "prod-rg"));
    }

    public static Config kubernetes() {
        return base()
                .set("cloud", "kubernetes")
                .set("storage", Map.of("existingClassName", "standard"));
    }

    public static Config forCloud(String cloud) {
        return switch (cloud) {
            case "aws" -> aws();
            case "gcp" -> gcp();
            case "azure" -> azure();
            default -> kubernetes();
        };
    }

    /** The one-line problems a refused configuration reports; fails when the configuration is accepted. */
    public static List<String> problems(Config config) {
        try {
            config.settings();
        } catch (io.redisenterprise.infra.settings.InvalidConfigException e) {
            return e.lines();
        }
        throw new AssertionError("expected the configuration to be refused");
    }

    /** One row of a refusal table: the rule's name (the test's display name), the refused stack, its one line. */
    public static Arguments refusal(String rule, Config config, String line) {
        return Arguments.of(rule, config, line);
    }

    /** The single resource of a type, failing clearly when there is not exactly one. */
    public static PlannedResource only(Plan plan, String type) {
        List<PlannedResource> found = plan.ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.size() + ": "
                    + found.stream().map(PlannedResource::name).toList());
        }
        return found.get(0);
    }

    /** Reads a nested input, e.g. {@code at(sts.inputs(), "spec", "template", "spec")}. */
    public static Object at(Object root, Object... path) {
        return walk(root, path);
    }

    /** Reads a nested map input. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> atMap(Object root, Object... path) {
        return (Map<String, Object>) walk(root, path);
    }

    /** Reads a nested list input. */
    @SuppressWarnings("unchecked")
    public static List<Object> atList(Object root, Object... path) {
        return (List<Object>) walk(root, path);
    }

    @SuppressWarnings("unchecked")
    private static Object walk(Object root, Object... path) {
        Object cur = root;
        for (Object p : path) {
            if (p instanceof Integer i) {
                cur = ((List<Object>) cur).get(i);
            } else {
                if (!(cur instanceof Map<?, ?> m) || !m.containsKey(p)) {
                    throw new AssertionError("no " + p + " in " + cur);
                }
                cur = m.get(p);
            }
        }
        return cur;
    }
}
