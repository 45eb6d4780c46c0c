package io.redisenterprise.infra.redis;

import java.util.List;

/** Ports a Redis Enterprise node listens on (Redis Enterprise Software port configuration). */
public final class RedisPorts {
    /** Cluster discovery between nodes. */
    public static final int DISCOVERY = 8001;
    /** Cluster Manager web UI (HTTPS). */
    public static final int UI = 8443;
    /** REST API (HTTPS). */
    public static final int API = 9443;
    /** Prometheus metrics (HTTPS). */
    public static final int METRICS = 8070;

    /** A port with the name the container and the headless service both give it. */
    public record Named(String name, int port) {
    }

    /** Every port of a node, as the container declares them and the headless service exposes them. */
    public static final List<Named> NODE = List.of(
            new Named("discovery", DISCOVERY), new Named("api", API), new Named("ui", UI), new Named("metrics", METRICS));

    private RedisPorts() {
    }
}
