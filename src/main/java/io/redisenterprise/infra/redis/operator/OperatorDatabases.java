package io.redisenterprise.infra.redis.operator;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import io.redisenterprise.infra.redis.KubernetesObject;
import io.redisenterprise.infra.redis.RedisLabels;
import io.redisenterprise.infra.settings.DatabaseSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared databases of an operator-run cluster: one RedisEnterpriseDatabase each, a child of the
 * {@link OperatorDeployment} that depends on its RedisEnterpriseCluster, so Pulumi creates it after the cluster and
 * deletes it before (the operator, deleted after the cluster, is alive to remove it). A database holds data: it is
 * protected like the cluster ({@code redis.protect}), so a rename (a new database, the old one deleted) stops at
 * preview. A password given in the stack goes into the Secret the database names; without one the operator
 * generates the password into a Secret of that name.
 */
public final class OperatorDatabases {
    /** What {@code pulumi up} waits for: the database's status {@code active} ("Database is ready to be used"). */
    static final String READY_CONDITION = "jsonpath={.status.status}=active";
    /** Creating a database allocates and starts its shards; resharding or a memory change runs while it serves. */
    static final Duration CREATE_OR_UPDATE = Duration.ofMinutes(10);
    static final Duration DELETE = Duration.ofMinutes(5);

    /**
     * A database's in-cluster endpoint and the Secret with its password, as the stack outputs them.
     *
     * @param service the database's Service, which the operator names after the database
     * @param port    the database port: the one the stack set, or the one Redis Enterprise assigned (read from the
     *                database's status once it is active; unknown in the offline plan)
     * @param secret  the Secret whose {@code password} key holds the password (never the password itself)
     */
    public record Endpoint(String service, Output<Integer> port, String secret) {
        /** As the stack output holds it. */
        public Output<Map<String, Object>> asOutput() {
            return port.applyValue(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("service", service);
                m.put("port", p);
                m.put("secret", secret);
                return m;
            });
        }
    }

    private OperatorDatabases() {
    }

    /** Registers every database; returns their endpoints by database name, in the stack's order. */
    public static Map<String, Endpoint> register(OperatorDeployment deployment, List<DatabaseSettings> databases,
                                                 boolean protect) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        String cluster = deployment.clusterName();
        String namespace = deployment.namespace();
        Map<String, String> labels = RedisLabels.common(cluster);
        for (DatabaseSettings db : databases) {
            List<Resource> deps = new ArrayList<>(List.of(deployment.cluster()));
            db.password().ifPresent(password -> deps.add(new Secret(cluster + "-db-" + db.name() + "-password",
                    SecretArgs.builder()
                            .metadata(ObjectMetaArgs.builder().name(db.secretName()).namespace(namespace).labels(labels).build())
                            .type("Opaque")
                            .stringData(Output.ofSecret(Map.of("password", password.reveal())))
                            .build(), deployment.childOptions(List.of(deployment.cluster())).build())));
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", db.name());
            metadata.put("namespace", namespace);
            metadata.put("labels", labels);
            metadata.put("annotations", Map.of(OperatorDeployment.WAIT_FOR_ANNOTATION, READY_CONDITION));
            var redb = new KubernetesObject(cluster + "-db-" + db.name(), DatabaseSpec.API_VERSION, DatabaseSpec.KIND,
                    metadata, DatabaseSpec.spec(db, cluster), deployment.childOptions(deps)
                            .protect(protect)
                            .customTimeouts(new CustomTimeouts(CREATE_OR_UPDATE, CREATE_OR_UPDATE, DELETE))
                            .build());
            Output<Integer> port = db.port().isPresent() ? Output.of(db.port().getAsInt())
                    : redb.status().applyValue(OperatorDatabases::assignedPort);
            endpoints.put(db.name(), new Endpoint(db.name() + "." + namespace + ".svc.cluster.local", port, db.secretName()));
        }
        return endpoints;
    }

    /** {@code status.internalEndpoints[0].port}, where the operator reports the port Redis Enterprise assigned. */
    static Integer assignedPort(Map<String, Object> status) {
        if (status != null && status.get("internalEndpoints") instanceof List<?> list && !list.isEmpty()
                && list.get(0) instanceof Map<?, ?> first && first.get("port") instanceof Number n) {
            return n.intValue();
        }
        return null;
    }
}
