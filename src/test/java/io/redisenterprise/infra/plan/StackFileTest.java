package io.redisenterprise.infra.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.redisenterprise.infra.settings.Settings;
import io.redisenterprise.infra.settings.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stack files are read as the Pulumi CLI reads them (Go yaml.v3, YAML 1.2 core schema), so the plan sees what
 * {@code pulumi up} would see.
 */
class StackFileTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void project() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nruntime: java\n");
    }

    private Path stack(String text) throws IOException {
        Path file = tmp.resolve("Pulumi.t.yaml");
        Files.writeString(file, text);
        return file;
    }

    /** Run from the temporary project, as the plan is run from a project folder. */
    private StackFile read(Path file) throws IOException {
        return StackFile.read(file, tmp);
    }

    @Test
    void yesNoOnOffAreStringsAsInYaml12() throws IOException {
        StackFile f = read(stack("""
                config:
                  redis-enterprise:nodePool:
                    dedicated: no
                  redis-enterprise:a: yes
                  redis-enterprise:b: on
                  redis-enterprise:c: off
                  redis-enterprise:d: True
                  redis-enterprise:e: ~
                """));
        assertThat(f.get("redis-enterprise:nodePool").orElseThrow().raw()).isEqualTo(Map.of("dedicated", "no"));
        assertThat(f.get("redis-enterprise:a").orElseThrow().raw()).isEqualTo("yes");
        assertThat(f.get("redis-enterprise:b").orElseThrow().raw()).isEqualTo("on");
        assertThat(f.get("redis-enterprise:c").orElseThrow().raw()).isEqualTo("off");
        // A top-level boolean reaches the program as its JSON text (Pulumi's object.go, MarshalString).
        assertThat(f.get("redis-enterprise:d").orElseThrow().raw()).isEqualTo("true");
        assertThat(f.get("redis-enterprise:e").orElseThrow().raw()).isNull();
    }

    @Test
    void duplicateKeysAreRefusedWithYamlV3sMessage() throws IOException {
        Path file = stack("""
                config:
                  redis-enterprise:redis:
                    nodes: 3
                    nodes: 5
                """);
        IOException e = catchThrowableOfType(IOException.class, () -> StackFile.read(file, tmp));
        assertThat(e).hasMessage(file + ":4:5: mapping key \"nodes\" already defined at line 3");
    }

    @Test
    void keysAreComparedAsTextLikeYamlV3() throws IOException {
        Path file = stack("""
                config:
                  redis-enterprise:cloud: kubernetes
                  "redis-enterprise:cloud": aws
                """);
        assertThat(catchThrowableOfType(IOException.class, () -> StackFile.read(file, tmp)))
                .hasMessage(file + ":3:3: mapping key \"redis-enterprise:cloud\" already defined at line 2");
    }

    @Test
    void mergeKeysAreHonouredAndWrittenKeysWin() throws IOException {
        // Unknown top-level keys are ignored by the CLI (ProjectStack is decoded without KnownFields), so a
        // stack file may keep anchors there.
        StackFile f = read(stack("""
                x-small: &small
                  nodes: 1
                  memory: 5Gi
                x-pinned: &pinned
                  nodes: 7
                  image: redislabs/redis:7.22.2-189
                config:
                  redis-enterprise:cloud: kubernetes
                  redis-enterprise:storage:
                    existingClassName: standard
                  redis-enterprise:redis:
                    deployment: statefulset
                    cpu: "2"
                    <<: [*small, *pinned]
                    memory: 6Gi
                """));
        assertThat(f.get("redis-enterprise:redis").orElseThrow().raw()).isEqualTo(Map.of("deployment", "statefulset",
                "cpu", "2", "memory", "6Gi", "nodes", 1, "image", "redislabs/redis:7.22.2-189"));
        Settings settings = SettingsLoader.loadForPlan(f);
        assertThat(settings.redis().nodes()).isEqualTo(1);
        assertThat(settings.redis().image()).isEqualTo("redislabs/redis:7.22.2-189");
    }

    @Test
    void aMergeOfSomethingOtherThanAMappingIsRefusedInOneLine() throws IOException {
        Path file = stack("""
                config:
                  redis-enterprise:redis:
                    <<: 5
                """);
        IOException e = catchThrowableOfType(IOException.class, () -> StackFile.read(file, tmp));
        // yaml.v3: "map merge requires map or sequence of maps as the value".
        assertThat(e.getMessage()).matches("\\Q" + file + "\\E:\\d+:\\d+: Expected mapping node or an anchor referencing mapping");
    }

    @Test
    void malformedYamlIsOneLineWithFileLineAndColumn() throws IOException {
        Path file = stack("""
                config:
                  redis-enterprise:nodePool:
                    zones: [a, b
                  redis-enterprise:cloud: aws
                """);
        IOException e = catchThrowableOfType(IOException.class, () -> StackFile.read(file, tmp));
        assertThat(e).hasMessage(file + ":4:25: expected ',' or ']', but got : (while parsing a flow sequence at line 3, column 12)");
    }

    @Test
    void explicitNumberTagsAreTakenAsYamlV3TakesThem() throws IOException {
        // resolve.go: a tag the value does not resolve to is refused ("cannot decode !!float `019` as a !!int"),
        // except an integer tagged !!float, which is that number.
        Path refused = stack("""
                config:
                  redis-enterprise:redis:
                    nodes: !!int 019
                """);
        IOException e = catchThrowableOfType(IOException.class, () -> StackFile.read(refused, tmp));
        assertThat(e).hasMessage(refused + ":3:12: cannot decode !!float `019` as a !!int");
        Path notANumber = stack("""
                config:
                  redis-enterprise:redis:
                    memory: !!float abc
                """);
        assertThat(catchThrowableOfType(IOException.class, () -> StackFile.read(notANumber, tmp)))
                .hasMessage(notANumber + ":3:13: cannot decode !!str `abc` as a !!float");
        StackFile f = read(stack("""
                config:
                  redis-enterprise:redis:
                    nodes: !!float 0x3
                    cpu: !!int 1_0
                """));
        assertThat(f.get("redis-enterprise:redis").orElseThrow().raw()).isEqualTo(Map.of("nodes", 3, "cpu", 10));
    }

    @Test
    void aByteOrderMarkIsIgnoredAsTheCliDoes() throws IOException {
        StackFile f = read(stack("\uFEFFconfig:\n  redis-enterprise:cloud: gcp\n"));
        assertThat(f.get("redis-enterprise:cloud").orElseThrow().raw()).isEqualTo("gcp");
    }

    @Test
    void theProjectIsFoundFromTheWorkingDirectoryFirstAsTheCliDoes() throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("cwd/sub"));
        Files.writeString(tmp.resolve("cwd/Pulumi.yaml"), "name: from-cwd\n");
        Path file = stack("config: {}\n");
        StackFile f = StackFile.read(file, cwd);
        assertThat(f.project()).isEqualTo("from-cwd");
        assertThat(f.projectDir()).isEqualTo(tmp.resolve("cwd"));
    }

    @Test
    void withoutAProjectAboveTheWorkingDirectoryTheOneBesideTheStackFileIsUsed(@TempDir Path nowhere) throws IOException {
        assertThat(StackFile.read(stack("config: {}\n"), nowhere).projectDir()).isEqualTo(tmp);
    }

    @Test
    void aRelativeStackFileIsTakenFromTheWorkingDirectory() throws IOException {
        stack("config:\n  redis-enterprise:cloud: azure\n");
        StackFile f = StackFile.read(Path.of("Pulumi.t.yaml"), tmp);
        assertThat(f.get("redis-enterprise:cloud").orElseThrow().raw()).isEqualTo("azure");
    }

    @Test
    void theProjectFileIsReadWithTheSameRules() throws IOException {
        Files.writeString(tmp.resolve("Pulumi.yaml"), "name: redis-enterprise\nname: other\n");
        Path file = stack("config: {}\n");
        assertThat(catchThrowableOfType(IOException.class, () -> StackFile.read(file, tmp)))
                .hasMessageEndingWith("Pulumi.yaml:2:1: mapping key \"name\" already defined at line 1");
    }

    @Test
    void numbersAreWhatPulumiUpHandsTheProgram() throws IOException {
        StackFile f = read(stack("""
                config:
                  redis-enterprise:redis:
                    memory: 1e400
                    nodes: 3.0
                    cpu: 1.5
                    big: 1e21
                    digits: 99999999999999999999
                    octal: 017
                    underscores: 1_000
                    binary: 0b101
                    hex: 0X1F
                    text: "1_000"
                  redis-enterprise:nodes: 1_1
                  redis-enterprise:top: 4.0
                  redis-enterprise:huge: 1e400
                  redis-enterprise:count: 5
                """));
        // yaml.v3 cannot parse 1e400 as a float64 and keeps the string; Go's encoding/json writes 3.0 as 3.
        // yaml.v3 removes underscores and takes Go's base prefixes; a quoted scalar stays a string.
        assertThat(f.get("redis-enterprise:redis").orElseThrow().raw()).isEqualTo(Map.of(
                "memory", "1e400", "nodes", 3, "cpu", new java.math.BigDecimal("1.5"),
                "big", new java.math.BigDecimal("1e+21"), "digits", new java.math.BigInteger("100000000000000000000"),
                "octal", 15, "underscores", 1000, "binary", 5, "hex", 31, "text", "1_000"));
        assertThat(f.get("redis-enterprise:nodes").orElseThrow().raw()).isEqualTo("11");
        assertThat(f.get("redis-enterprise:top").orElseThrow().raw()).isEqualTo("4");
        assertThat(f.get("redis-enterprise:huge").orElseThrow().raw()).isEqualTo("1e400");
        assertThat(f.get("redis-enterprise:count").orElseThrow().raw()).isEqualTo("5");
    }

    @Test
    void aMissingStackFileSaysWhereItWasLookedForAndWhatToDo(@TempDir Path elsewhere) {
        IOException e = catchThrowableOfType(IOException.class, () -> StackFile.read(Path.of("Pulumi.dev.yaml"), elsewhere));
        assertThat(e).hasMessage("Pulumi.dev.yaml: no such file in " + elsewhere + "; run plan in the project folder"
                + " (or with -C <project folder>), or name the stack file with --config FILE");
    }

    @Test
    void anEmptyConfigIsRefused() {
        assertThat(catchThrowableOfType(IOException.class, () -> StackFile.read(Path.of(""), tmp)))
                .hasMessage("--config: must name a stack file Pulumi.<stack>.yaml, got \"\"");
    }
}
