package io.redisenterprise.infra.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.redisenterprise.infra.settings.ConfigSource;
import io.redisenterprise.infra.settings.ConfigValue;
import io.redisenterprise.infra.settings.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stack configuration file ({@code Pulumi.<stack>.yaml}) read from disk, merged over the project-level
 * {@code config:} of the nearest {@code Pulumi.yaml}, as the Pulumi CLI would. Encrypted {@code secure:} values
 * cannot be decrypted offline; they stand as the placeholder {@value #SECRET_PLACEHOLDER}.
 */
public final class StackFile implements ConfigSource {
    public static final String SECRET_PLACEHOLDER = SettingsLoader.PLAN_PLACEHOLDER;
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.([^.]+)\\.ya?ml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String stack;
    private final String project;
    private final Map<String, ConfigValue> values;

    private StackFile(String stack, String project, Map<String, ConfigValue> values) {
        this.stack = stack;
        this.project = project;
        this.values = values;
    }

    /** Reads a stack file; the stack name comes from its file name. */
    public static StackFile read(Path file) throws IOException {
        Matcher m = STACK_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IOException(file + ": a stack file must be named Pulumi.<stack>.yaml");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        Path projectFile = findProjectFile(file.toAbsolutePath().getParent())
                .orElseThrow(() -> new IOException(file + ": no Pulumi.yaml in its folder or any parent folder"));
        Map<?, ?> projectDoc = readMap(projectFile);
        Object name = projectDoc.get("name");
        if (name == null) {
            throw new IOException(projectFile + ": no project name");
        }
        String project = name.toString();
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        if (projectDoc.get("config") instanceof Map<?, ?> projectConfig) {
            projectConfig.forEach((k, v) -> {
                Object value = v instanceof Map<?, ?> spec && (spec.containsKey("value") || spec.containsKey("default"))
                        ? (spec.containsKey("value") ? spec.get("value") : spec.get("default"))
                        : v;
                values.put(qualify(k.toString(), project), ConfigValue.plain(value));
            });
        }
        Map<?, ?> stackDoc = readMap(file);
        if (stackDoc.get("config") instanceof Map<?, ?> stackConfig) {
            stackConfig.forEach((k, v) -> values.put(qualify(k.toString(), project), toValue(v)));
        }
        return new StackFile(m.group(1), project, values);
    }

    private static ConfigValue toValue(Object v) {
        boolean[] secret = {false};
        Object value = replaceSecure(v, secret);
        return new ConfigValue(value, secret[0]);
    }

    /** Replaces every {@code secure:} entry, at any depth (Pulumi allows secrets inside objects). */
    private static Object replaceSecure(Object v, boolean[] secret) {
        if (v instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("secure")) {
                secret[0] = true;
                return SECRET_PLACEHOLDER;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), replaceSecure(x, secret)));
            return out;
        }
        if (v instanceof java.util.List<?> list) {
            return list.stream().map(x -> replaceSecure(x, secret)).toList();
        }
        return v;
    }

    private static String qualify(String key, String project) {
        return key.contains(":") ? key : project + ":" + key;
    }

    private static Optional<Path> findProjectFile(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            for (String n : new String[] {"Pulumi.yaml", "Pulumi.yml"}) {
                Path candidate = d.resolve(n);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<?, ?> readMap(Path file) throws IOException {
        Object doc = YAML.readValue(file.toFile(), Object.class);
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IOException(file + ": expected a YAML mapping at the top level");
        }
        return map;
    }

    public String stack() {
        return stack;
    }

    public String project() {
        return project;
    }

    @Override
    public java.util.Set<String> keys() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    @Override
    public Optional<ConfigValue> get(String fullKey) {
        return Optional.ofNullable(values.get(fullKey));
    }
}
