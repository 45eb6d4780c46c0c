package io.redisenterprise.infra.redis;

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

    private RedisPorts() {
    }
}
