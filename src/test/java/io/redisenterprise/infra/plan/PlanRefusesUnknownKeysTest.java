package io.redisenterprise.infra.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.redisenterprise.infra.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Keys that were silently ignored before the stack schema, refused by {@code plan} as a new user meets them. */
class PlanRefusesUnknownKeysTest {
    @TempDir
    Path project;

    int exit;
    String err;

    void plan(String stackFile) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Path stack = project.resolve("Pulumi.typo.yaml");
        Files.writeString(stack, stackFile);
        StringWriter errors = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(errors));
        exit = cli.execute("plan", "--config", stack.toString(), "--out", project.resolve("out").toString());
        err = errors.toString();
    }

    @Test
    void aTopLevelDottedKeyGetsThePathHint() throws IOException {
        plan("""
                config:
                  redis-enterprise:cloud: kubernetes
                  redis-enterprise:storage:
                    existingClassName: standard
                  redis-enterprise:redis.nodes: 5
                """);
        assertThat(exit).isEqualTo(PlanCommand.INVALID_CONFIG);
        // A top-level number reaches the program as its JSON text, as pulumi up hands it over (object.go MarshalString).
        assertThat(err).contains("redis-enterprise:redis.nodes: unknown key: pulumi config set without --path wrote a"
                + " top-level key; set nodes inside redis with pulumi config set --path 'redis-enterprise:redis.nodes'"
                + " <value> (and remove this key), got \"5\"");
        assertThat(project.resolve("out")).doesNotExist();
    }

    @Test
    void aKeyInTheWrongCaseGetsTheNearestKey() throws IOException {
        plan("""
                config:
                  redis-enterprise:cloud: kubernetes
                  redis-enterprise:storage:
                    existingClassName: standard
                  redis-enterprise:nodepool:
                    dedicated: false
                """);
        assertThat(exit).isEqualTo(PlanCommand.INVALID_CONFIG);
        assertThat(err).contains("redis-enterprise:nodepool: unknown key (did you mean redis-enterprise:nodePool?)");
    }
}
