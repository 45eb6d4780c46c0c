package io.redisenterprise.infra.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cluster-formation script the bootstrap sidecar runs (src/main/resources/bootstrap/bootstrap.py), shipped
 * to the pods in a ConfigMap; its digest rolls the pods when the script changes.
 */
public final class BootstrapScript {
    public static final String RESOURCE = "/bootstrap/bootstrap.py";
    public static final String FILE_NAME = "bootstrap.py";
    public static final String MOUNT_PATH = "/opt/redis-enterprise-bootstrap";

    /** Read once: the ConfigMap carries it and the pod template carries its digest. */
    private static final String TEXT = load();
    private static final String SHA256 = digest(TEXT);

    private BootstrapScript() {
    }

    public static String text() {
        return TEXT;
    }

    public static String sha256() {
        return SHA256;
    }

    private static String load() {
        try (InputStream in = BootstrapScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ConfigMap that ships the script is named after its content: {@code <cluster>-bootstrap-<first 10 hex digits
     * of the SHA-256>} (at most 40 + 21 characters, a DNS subdomain) and immutable. A new script is a new ConfigMap:
     * Pulumi creates it, the StatefulSet's pods roll onto it one at a time, and the old one is deleted last, once the
     * roll has succeeded (a changed name is a replacement, create-before-delete by default). The Pulumi resource name
     * stays {@code <cluster>-bootstrap}, so no alias is needed.
     */
    public static String configMapName(String cluster) {
        return cluster + "-bootstrap-" + SHA256.substring(0, 10);
    }

    public static String path() {
        return MOUNT_PATH + "/" + FILE_NAME;
    }
}
