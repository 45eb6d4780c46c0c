package io.redisenterprise.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar built before the last pull or edit is refused, named with the files that changed; a current one runs. */
class BuildInputsTest {
    @TempDir
    Path project;

    private void write(String path, String text) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String builtManifest() throws IOException {
        write("pom.xml", "<project/>");
        write("src/main/java/a/A.java", "class A {}");
        write("src/main/resources/bootstrap/bootstrap.py", "print()");
        write("stacks/stack-config.schema.json", "{}");
        write("stacks/Pulumi.aws.yaml", "config: {}");
        write("README.md", "# readme");
        write("src/test/java/a/ATest.java", "class ATest {}");
        write("target/classes/a/A.class", "bytes");
        Path out = project.resolve("target/classes/" + BuildInputs.MANIFEST);
        BuildInputs.main(new String[] {project.toString(), out.toString()});
        return Files.readString(out);
    }

    @Test
    void theManifestListsExactlyWhatTheJarIsBuiltFrom() throws IOException {
        String manifest = builtManifest();
        assertThat(manifest.lines().map(l -> l.substring(66))).containsExactly(
                "pom.xml", "src/main/java/a/A.java", "src/main/resources/bootstrap/bootstrap.py",
                "stacks/stack-config.schema.json");
        // sha256sum's layout: 64 hex digits, two spaces, the path.
        assertThat(manifest.lines().findFirst().orElseThrow()).matches("[0-9a-f]{64}  pom\\.xml");
    }

    @Test
    void aCurrentJarRunsAndStackFilesDocsAndTestsDoNotMakeItStale() throws IOException {
        String manifest = builtManifest();
        write("stacks/Pulumi.aws.yaml", "config: {redis-enterprise:cloud: aws}");
        write("README.md", "# changed");
        write("src/test/java/a/ATest.java", "class ATest { }");
        assertThat(BuildInputs.staleness(project.resolve("target/redis-enterprise.jar"), manifest, project)).isEmpty();
    }

    @Test
    void aChangedAddedOrRemovedSourceIsRefusedByName() throws IOException {
        String manifest = builtManifest();
        write("src/main/java/a/A.java", "class A { int x; }");
        write("src/main/java/a/B.java", "class B {}");
        Files.delete(project.resolve("src/main/resources/bootstrap/bootstrap.py"));
        Path jar = project.resolve("target/redis-enterprise.jar");

        assertThat(BuildInputs.staleness(jar, manifest, project)).contains(jar + " is stale: it was built from other"
                + " sources than " + project + " holds now (src/main/java/a/A.java, src/main/java/a/B.java,"
                + " src/main/resources/bootstrap/bootstrap.py); rebuild it with `mvn -B -q package -DskipTests`"
                + " (add the -P <cloud> profile you build with) and run again");
    }

    @Test
    void contentDecidesNotTimestamps() throws IOException {
        String manifest = builtManifest();
        Files.setLastModifiedTime(project.resolve("pom.xml"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(BuildInputs.staleness(project.resolve("target/x.jar"), manifest, project)).isEmpty();
        write("pom.xml", "<project><!-- pulled --></project>");
        Files.setLastModifiedTime(project.resolve("pom.xml"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(BuildInputs.staleness(project.resolve("target/x.jar"), manifest, project)).isPresent();
    }

    @Test
    void outsideAJarThereIsNothingToCompare() {
        // The tests run from target/classes, as mvn exec:java does: no jar, no check.
        assertThat(BuildInputs.staleJar()).isEmpty();
    }
}
