package io.redisenterprise.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The jar started by hand without arguments says in one line how it is run, instead of the SDK's stack trace. */
class MainWithoutPulumiTest {

    @Test
    void withoutThePulumiCliItSaysHowToRunItInOneLine() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().remove(Main.PULUMI_MONITOR);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err.lines()).containsExactly(Main.WITHOUT_PULUMI);
        assertThat(err).doesNotContain("Exception", "PATH");
    }
}
