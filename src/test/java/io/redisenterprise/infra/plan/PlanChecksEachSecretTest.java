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

/**
 * The stack file says which nested values are {@code secure:}: the plan refuses a plaintext password beside a secret
 * one (which {@code pulumi up}, handed the whole key decrypted, cannot tell apart), and shows the values that are not
 * secrets in its lines.
 */
class PlanChecksEachSecretTest {
    @TempDir
    Path project;

    @Test
    void aPlaintextPasswordBesideASecretOneIsRefusedAndOtherValuesStayVisible() throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Path stack = project.resolve("Pulumi.secrets.yaml");
        Files.writeString(stack, """
                config:
                  redis-enterprise:cloud: aws
                  aws:region: us-east-1
                  redis-enterprise:cluster: {name: prod}
                  redis-enterprise:nodePool:
                    zones: [us-east-1a, us-east-1b, us-east-1c]
                    subnetIds: [subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002, subnet-0a1b2c3d4e5f60003]
                  redis-enterprise:storage: {installCsiDriver: false}
                  redis-enterprise:databases:
                    - name: a
                      memory: 1Gi
                      password: plain-text-password
                      persistence: sometimes
                    - name: b
                      memory: 1Gi
                      password:
                        secure: v1:abcdef
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("plan", "--cwd", project.toString(), "--config", stack.toString(),
                "--out", project.resolve("out").toString());

        assertThat(exit).isEqualTo(PlanCommand.INVALID_CONFIG);
        assertThat(err.toString()).contains(
                "redis-enterprise:databases[0].password: must be a secret: pulumi config set --secret --path"
                        + " 'redis-enterprise:databases[0].password' <password>, got a plaintext value",
                "redis-enterprise:databases[0].persistence: must be one of disabled, aofEverySecond, aofAlways,"
                        + " snapshotEvery1Hour, snapshotEvery6Hour, snapshotEvery12Hour, got \"sometimes\"")
                .doesNotContain("plain-text-password");
    }
}
