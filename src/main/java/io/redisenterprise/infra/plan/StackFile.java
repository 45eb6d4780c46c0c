package io.redisenterprise.infra.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redisenterprise.infra.settings.ConfigProblem;
import io.redisenterprise.infra.settings.ConfigSource;
import io.redisenterprise.infra.settings.ConfigValue;
import io.redisenterprise.infra.settings.SettingsLoader;
import io.redisenterprise.infra.settings.StackSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stack configuration file ({@code Pulumi.<stack>.yaml}) read from disk, merged over the project-level
 * {@code config:} of the nearest {@code Pulumi.yaml}, as the Pulumi CLI would. Both files are read with the
 * CLI's YAML rules ({@link PulumiYaml}); a malformed file is one line, {@code <file>:<line>:<column>: <what>}.
 * Encrypted {@code secure:} values cannot be decrypted offline; they stand as the placeholder
 * {@value #SECRET_PLACEHOLDER}.
 */
public final class StackFile implements ConfigSource {
    public static final String SECRET_PLACEHOLDER = SettingsLoader.PLAN_PLACEHOLDER;
    /** Converts the sections as read to JSON for the schema (YAML is already parsed, as the Pulumi CLI does). */
    private static final ObjectMapper SECTIONS = new ObjectMapper();
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.([^.]+)\\.ya?ml");

    private final String stack;
    private final String project;
    private final Path projectDir;
    private final Map<String, ConfigValue> values;
    private final List<ConfigProblem> sectionProblems;

    private StackFile(String stack, String project, Path projectDir, Map<String, ConfigValue> values,
                      List<ConfigProblem> sectionProblems) {
        this.sectionProblems = List.copyOf(sectionProblems);
        this.stack = stack;
        this.project = project;
        this.projectDir = projectDir;
        this.values = values;
    }

    /**
     * The stack file's sections beside {@code config:} that the stack-file schema refuses (an unknown or misspelt
     * one, which the Pulumi CLI would ignore); empty when all are known.
     */
    public List<ConfigProblem> sectionProblems() {
        return sectionProblems;
    }

    /** Reads a stack file as if started in the JVM's working directory; see {@link #read(Path, Path)}. */
    public static StackFile read(Path file) throws IOException {
        return read(file, Path.of("").toAbsolutePath());
    }

    /**
     * Reads a stack file as {@code pulumi --cwd <workingDir> ... --config-file <file>} would; the stack name comes
     * from the file name ({@code Pulumi.<stack>.yaml}), a relative {@code file} is taken from {@code workingDir}.
     *
     * <p>The project is the nearest {@code Pulumi.yaml} (or {@code .yml}) from {@code workingDir} upward, as the
     * Pulumi CLI finds it: {@code pulumi up} reads the project with {@code ws.ReadProject("")}
     * (pulumi/pulumi {@code pkg/cmd/pulumi/operations/up.go}), i.e. {@code DetectProjectPathFrom} on the working
     * directory, walking up ({@code sdk/go/common/workspace/paths.go}); {@code --config-file} only replaces
     * the stack file's path ({@code pkg/cmd/pulumi/stack/io.go}, {@code LoadProjectStack}). When no project is
     * found that way, the nearest one from the stack file's folder upward is used, so a stack file beside its
     * {@code Pulumi.yaml} plans from anywhere (the CLI would need {@code --cwd} there).
     */
    public static StackFile read(Path file, Path workingDir) throws IOException {
        return read(locate(file, workingDir));
    }

    /**
     * Where a stack file and its project are, before either is parsed: enough to name the default output folder
     * ({@code <project folder>/target/plan/<stack>}) even when a file turns out to be malformed.
     *
     * @param stack      the stack name, from the file name {@code Pulumi.<stack>.yaml}
     * @param file       the stack file, absolute
     * @param shownAs    the stack file as the user gave it
     * @param workingDir the working directory, absolute
     * @param projectFile the project's {@code Pulumi.yaml}, absolute
     */
    public record Location(String stack, Path file, String shownAs, Path workingDir, Path projectFile) {
        /** The folder of the project's {@code Pulumi.yaml}: where {@code target/} and the default plan folder are. */
        public Path projectDir() {
            return projectFile.getParent();
        }
    }

    /**
     * Finds a stack file and its project as {@link #read(Path, Path)} does, without parsing either; a one-line
     * {@link IOException} when the file is misnamed or missing, or no project is found.
     */
    public static Location locate(Path file, Path workingDir) throws IOException {
        Path dir = workingDir.toAbsolutePath().normalize();
        if (file.toString().isBlank()) {
            throw new IOException("--config: must name a stack file Pulumi.<stack>.yaml, got \"" + file + "\"");
        }
        Path path = dir.resolve(file).normalize();
        Matcher m = STACK_FILE.matcher(file.getFileName() == null ? "" : file.getFileName().toString());
        if (!m.matches()) {
            throw new IOException(file + ": a stack file must be named Pulumi.<stack>.yaml");
        }
        if (!Files.isRegularFile(path)) {
            // The default, Pulumi.dev.yaml, is a file of the project folder: run elsewhere, it is not found.
            throw new IOException(file + ": no such file" + (file.isAbsolute() ? "" : " in " + path.getParent())
                    + "; run plan in the project folder (or with -C <project folder>), or name the stack file with"
                    + " --config FILE");
        }
        Path projectFile = findProjectFile(dir)
                .or(() -> findProjectFile(path.getParent()))
                .orElseThrow(() -> new IOException(file + ": no Pulumi.yaml in " + dir
                        + " or any parent folder (where the Pulumi CLI looks), nor beside the stack file or above it"));
        return new Location(m.group(1), path, file.toString(), dir, projectFile);
    }

    /** Reads a located stack file merged over its project's config; a one-line {@link IOException} if malformed. */
    public static StackFile read(Location at) throws IOException {
        Path dir = at.workingDir();
        Path projectFile = at.projectFile();
        String projectShown = shown(projectFile, dir);
        Map<?, ?> projectDoc = readMap(projectFile, projectShown);
        Object name = projectDoc.get("name");
        if (name == null) {
            throw new IOException(projectShown + ": name: required (the project name), got nothing");
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
        Map<?, ?> stackDoc = readMap(at.file(), at.shownAs());
        if (stackDoc.get("config") instanceof Map<?, ?> stackConfig) {
            stackConfig.forEach((k, v) -> values.put(qualify(k.toString(), project), toValue(v)));
        }
        List<ConfigProblem> sections = StackSchema.standard().checkSections(SECTIONS.valueToTree(stackDoc));
        return new StackFile(at.stack(), project, at.projectDir(), values, sections);
    }

    /** A path as the user would type it from the working directory: relative below it, absolute elsewhere. */
    static String shown(Path path, Path workingDir) {
        return path.startsWith(workingDir) ? workingDir.relativize(path).toString() : path.toString();
    }

    /**
     * A stack file's value as the program receives it. A top-level boolean or number reaches the program as its
     * JSON text, a string (pulumi/pulumi {@code sdk/go/common/resource/config/object.go} @v3.259.0,
     * {@code MarshalString}: {@code True} is {@code "true"}, {@code 4.0} is {@code "4"}); objects and lists keep
     * their structure, their numbers already as Pulumi's JSON has them ({@link PulumiNumbers}).
     */
    private static ConfigValue toValue(Object v) {
        java.util.Set<String> securePaths = new java.util.TreeSet<>();
        Object value = replaceSecure(v, "", securePaths);
        return ConfigValue.fromStackFile(PulumiNumbers.topLevel(value), securePaths);
    }

    /**
     * Replaces every {@code secure:} entry, at any depth (Pulumi allows secrets inside objects), and notes where it
     * stood (a JSON pointer below the value), so the settings know which nested values were secrets in the file.
     */
    private static Object replaceSecure(Object v, String at, java.util.Set<String> securePaths) {
        if (v instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("secure")) {
                securePaths.add(at);
                return SECRET_PLACEHOLDER;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), replaceSecure(x, at + "/" + escape(String.valueOf(k)), securePaths)));
            return out;
        }
        if (v instanceof java.util.List<?> list) {
            java.util.List<Object> out = new java.util.ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(replaceSecure(list.get(i), at + "/" + i, securePaths));
            }
            return out;
        }
        return v;
    }

    /** A JSON pointer segment (RFC 6901). */
    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
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

    private static Map<?, ?> readMap(Path file, String shownAs) throws IOException {
        Object doc = PulumiYaml.read(file, shownAs);
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IOException(shownAs + ": must be a YAML mapping at the top level, got "
                    + (doc instanceof java.util.List<?> ? "a list" : "\"" + doc + "\""));
        }
        return map;
    }

    public String stack() {
        return stack;
    }

    public String project() {
        return project;
    }

    /** The folder of the project's {@code Pulumi.yaml}: where {@code target/} and the default plan folder are. */
    public Path projectDir() {
        return projectDir;
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
