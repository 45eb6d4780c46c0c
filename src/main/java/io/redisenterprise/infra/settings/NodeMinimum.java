package io.redisenterprise.infra.settings;

import java.util.Optional;

/**
 * Redis Enterprise's documented minimum hardware per node (one node = one pod here), from "Hardware requirements"
 * (https://redis.io/docs/latest/operate/rs/installing-upgrading/install/plan-deployment/hardware-requirements/,
 * redis/docs content/embeds/hardware-requirements-embed.md, page also tagged "kubernetes"):
 * <ul>
 *   <li>production: 2 cores and 8GB RAM per node (recommended 8 cores, 32GB), at least 3 nodes;</li>
 *   <li>development: 4GB RAM per node (recommended 10GB), 1 node; the development table names no core count.</li>
 * </ul>
 * The clouds run what this program builds as production (dedicated VMs, 3 or more nodes), so the production minimum
 * applies there; an existing cluster ({@code cloud: kubernetes}) may be a development one (kind, minikube), so the
 * development minimum applies. The docs write "GB"; it is read as GiB, the unit Kubernetes sizes are written in
 * (the operator's own default, "4GB", is 4Gi).
 *
 * @param environment the table the figures come from
 * @param cpu         the fewest cores, when the table names any
 */
record NodeMinimum(String environment, Optional<Quantity> cpu, Quantity memory) {
    static final NodeMinimum PRODUCTION = new NodeMinimum("production", Optional.of(Quantity.of("2")), Quantity.of("8Gi"));
    static final NodeMinimum DEVELOPMENT = new NodeMinimum("development", Optional.empty(), Quantity.of("4Gi"));

    static NodeMinimum forCloud(Cloud cloud) {
        return cloud == Cloud.KUBERNETES ? DEVELOPMENT : PRODUCTION;
    }

    /** "Redis Enterprise's production minimum of 2 cores and 8 GB RAM per node". */
    String describe() {
        return "Redis Enterprise's " + environment + " minimum of "
                + cpu.map(c -> c + " cores and ").orElse("") + memory.ceilGibibytes() + " GB RAM per node";
    }
}
