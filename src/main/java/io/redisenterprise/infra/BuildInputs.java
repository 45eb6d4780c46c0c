package io.redisenterprise.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Detects a stale jar. {@code pulumi preview/up} run {@code target/redis-enterprise.jar} as it is (Pulumi.yaml's
 * {@code runtime.options.binary}; the Java language host never rebuilds it), so a jar built before a
 * {@code git pull} or an edit would deploy the old program without a word.
 *
 * <p>At {@code mvn package} (phase prepare-package, exec-maven-plugin, see pom.xml) {@link #main} writes the
 * SHA-256 of every build input into the jar as {@value #MANIFEST}: one {@code <hex>  <path>} line per file, paths
 * relative to the project and sorted (the {@code sha256sum} layout). The inputs are what the jar is built from:
 * {@code pom.xml}, everything under {@code src/main} and {@code stacks/stack-config.schema.json}. At start the
 * program, when it runs from a jar that still sits in {@code <project>/target/} beside that project's
 * {@code pom.xml}, hashes the same files again and names those that differ. Content, not timestamps, is compared:
 * a checkout or a copy that keeps or resets modification times neither hides a change nor invents one.
 * Elsewhere (tests, {@code mvn exec:java}, a jar copied away from its sources) there is nothing to compare.
 */
public final class BuildInputs {
    /** The class-path resource the build writes. */
    public static final String MANIFEST = "build-inputs.sha256";
    private static final List<String> FILES = List.of("pom.xml", "stacks/stack-config.schema.json");
    private static final String TREE = "src/main";

    private BuildInputs() {
    }

    /** Build step: {@code BuildInputs <project directory> <output file>}; writes the manifest of the project's inputs. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BuildInputs <project directory> <output file>");
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(hashes(Path.of(args[0]))));
    }

    /** SHA-256 (hex) of each build input under {@code project}, keyed by its '/'-separated relative path, sorted. */
    public static Map<String, String> hashes(Path project) {
        Map<String, String> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        for (String f : FILES) {
            Path p = project.resolve(f);
            if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        Path tree = project.resolve(TREE);
        if (Files.isDirectory(tree)) {
            try (Stream<Path> walk = Files.walk(tree)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        MessageDigest sha256 = sha256();
        HexFormat hex = HexFormat.of();
        for (Path p : files) {
            String relative = project.relativize(p).toString().replace('\\', '/');
            try {
                out.put(relative, hex.formatHex(sha256.digest(Files.readAllBytes(p))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static String render(Map<String, String> hashes) {
        StringBuilder sb = new StringBuilder();
        hashes.forEach((path, hash) -> sb.append(hash).append("  ").append(path).append('\n'));
        return sb.toString();
    }

    static Map<String, String> parse(String manifest) {
        Map<String, String> out = new TreeMap<>();
        for (String line : manifest.split("\n")) {
            int sep = line.indexOf("  ");
            if (sep > 0) {
                out.put(line.substring(sep + 2).strip(), line.substring(0, sep));
            }
        }
        return out;
    }

    /**
     * The files whose content differs between the manifest a jar was built with and the project now: changed,
     * added or removed inputs, sorted; empty when the jar is current.
     */
    public static List<String> changed(Map<String, String> built, Map<String, String> now) {
        TreeSet<String> paths = new TreeSet<>(built.keySet());
        paths.addAll(now.keySet());
        return paths.stream().filter(p -> !java.util.Objects.equals(built.get(p), now.get(p))).toList();
    }

    /**
     * The one-line refusal for a stale jar, or empty: when this class runs from {@code <project>/target/*.jar}
     * that holds a manifest and the project's inputs no longer match it.
     */
    public static Optional<String> staleJar() {
        Optional<Path> jar = runningJar();
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        Path target = jar.get().getParent();
        Path project = target == null ? null : target.getParent();
        if (project == null || !target.getFileName().toString().equals("target")
                || !Files.isRegularFile(project.resolve("pom.xml"))) {
            return Optional.empty();
        }
        try (InputStream in = BuildInputs.class.getClassLoader().getResourceAsStream(MANIFEST)) {
            if (in == null) {
                return Optional.empty();
            }
            return staleness(jar.get(), new String(in.readAllBytes(), StandardCharsets.UTF_8), project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The refusal for {@code jar} built with {@code manifest} against the inputs now in {@code project}, or empty.
     * Public so that every command that runs the program ({@code Main.program}, {@code plan}) is tested with it.
     */
    public static Optional<String> staleness(Path jar, String manifest, Path project) {
        List<String> changed = changed(parse(manifest), hashes(project));
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join(", ", changed.subList(0, Math.min(5, changed.size())))
                + (changed.size() > 5 ? " and " + (changed.size() - 5) + " more" : "");
        return Optional.of(jar + " is stale: it was built from other sources than " + project + " holds now (" + shown
                + "); rebuild it with `mvn -B -q package -DskipTests` (add the -P <cloud> profile you build with) and run again");
    }

    private static Optional<Path> runningJar() {
        try {
            var source = BuildInputs.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
