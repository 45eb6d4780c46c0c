package io.redisenterprise.infra.settings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code redis-enterprise:redis}: the Redis Enterprise nodes, their size, volumes, images and names. */
final class RedisReader {
    /** Redis Enterprise's persistence guidance: the persistent volume holds at least 3 x the node's memory. */
    static final int MIN_VOLUME_MEMORY_FACTOR = 3;
    static final int DEFAULT_VOLUME_MEMORY_FACTOR = 5;
    /**
     * Redis Enterprise's cluster name is the FQDN {@code <redis.name>.<redis.namespace>.svc.cluster.local}, and the
     * cluster name is "limited to 64 characters" (https://redis.io/docs/latest/operate/rs/references/rest-api/objects/bootstrap/cluster_identity/).
     */
    static final int MAX_CLUSTER_FQDN = 64;
    /**
     * Namespaces every Kubernetes cluster already has
     * (https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces): this program
     * creates, labels for pod security and protects its namespace, so it must be one of its own (creating one of
     * these fails with AlreadyExists, or with server-side apply takes it over).
     */
    static final List<String> INITIAL_NAMESPACES = List.of("default", "kube-node-lease", "kube-public", "kube-system");

    private RedisReader() {
    }

    /** {@code redis.nodes}: odd so the cluster keeps a quorum, and at least 3 except on a development cluster. */
    static int nodes(ReadContext c, ConfigObject o) {
        int nodes = o.integerOrDefault("nodes");
        Cloud cloud = c.cloud();
        boolean single = nodes == 1 && cloud == Cloud.KUBERNETES;
        if (o.valid("nodes") && !single && (nodes < 3 || nodes % 2 == 0)) {
            String rule = cloud == Cloud.KUBERNETES
                    ? "must be odd and at least 3 (or 1 for a development cluster), so the cluster keeps a quorum"
                    : "must be odd and at least 3, so the cluster keeps a quorum (1 is allowed only when cloud is kubernetes)";
            c.problems().add(o.keyOf("nodes"), rule, String.valueOf(nodes));
        }
        return nodes;
    }

    static RedisSettings read(ReadContext c, ConfigObject o, int nodes, PodSizer.PodSize size) {
        Problems problems = c.problems();
        Quantity memory = size.memory();
        Optional<Quantity> volume = o.quantity("volumeSize");
        Quantity volumeSize = volume.orElse(memory.times(DEFAULT_VOLUME_MEMORY_FACTOR));
        if (!o.has("volumeSize")) {
            // The claims follow redis.volumeSize on every up: a derived size moves with the memory (and the machine
            // the memory is derived from), growing every disk, or stopping up when it would shrink.
            c.warnings().add(SettingsLoader.NAMESPACE + ":" + o.keyOf("volumeSize") + ": not set, so derived as "
                    + DEFAULT_VOLUME_MEMORY_FACTOR + " x redis.memory (" + memory + ") = " + volumeSize
                    + "; a later change of redis.memory" + (c.cloud() == Cloud.KUBERNETES ? "" : " or nodePool.machineType")
                    + " resizes every node's volume (larger"
                    + " grows the disks, smaller is refused before any pod rolls): set redis.volumeSize to keep it");
        }
        // Only a memory size that is real (given and accepted, or derived) can bound the volume: no follow-on line.
        if (volume.isPresent() && size.memoryKnown()
                && volume.get().value().compareTo(memory.value().multiply(BigDecimal.valueOf(MIN_VOLUME_MEMORY_FACTOR))) < 0) {
            problems.add(o.keyOf("volumeSize"), "must be at least " + MIN_VOLUME_MEMORY_FACTOR + " x redis.memory (" + memory
                    + "), Redis Enterprise's persistence guidance; " + DEFAULT_VOLUME_MEMORY_FACTOR + " x is the default"
                    + volume.get().bytesHint().map(h -> "; " + h).orElse(""), Problems.quote(volume.get().text()));
        }
        String namespace = o.stringOrDefault("namespace");
        String name = o.stringOrDefault("name");
        if (o.usable("namespace") && INITIAL_NAMESPACES.contains(namespace)) {
            problems.add(o.keyOf("namespace"), "must not be one of the namespaces every cluster has ("
                    + String.join(", ", INITIAL_NAMESPACES) + "): this program creates, labels and protects its own",
                    Problems.quote(namespace));
        }
        String fqdn = name + "." + namespace + ".svc.cluster.local";
        if (o.usable("name") && o.usable("namespace") && fqdn.length() > MAX_CLUSTER_FQDN) {
            problems.add(o.keyOf("name"), "with redis.namespace " + namespace + " makes the Redis Enterprise cluster name "
                    + fqdn + " " + fqdn.length() + " characters long; Redis Enterprise allows " + MAX_CLUSTER_FQDN
                    + ", so redis.name and redis.namespace may have " + (MAX_CLUSTER_FQDN - ".svc.cluster.local".length() - 1)
                    + " characters together", Problems.quote(name));
        }
        AntiAffinity antiAffinity = o.stringOrDefault("antiAffinity").equals(AntiAffinity.PREFERRED.key())
                ? AntiAffinity.PREFERRED : AntiAffinity.REQUIRED;
        if (antiAffinity == AntiAffinity.PREFERRED && c.cloud() != Cloud.KUBERNETES) {
            problems.add(o.keyOf("antiAffinity"), "must be required on " + c.cloud()
                    + " (one Redis Enterprise node per VM); preferred is only for development clusters with cloud kubernetes",
                    Problems.quote(antiAffinity.key()));
            antiAffinity = AntiAffinity.REQUIRED;
        }
        OptionalInt confirm = o.integer("confirmScaleDown");
        if (confirm.isPresent() && o.usable("nodes") && confirm.getAsInt() != nodes) {
            problems.add(o.keyOf("confirmScaleDown"), "must equal redis.nodes (" + nodes
                    + ") to confirm a scale-down to that size; remove it once the scale-down is done",
                    String.valueOf(confirm.getAsInt()));
        }
        return new RedisSettings(nodes, size.cpu(), memory, volumeSize, o.stringOrDefault("image"),
                namespace, name, antiAffinity,
                o.stringOrDefault("bootstrapImage"), confirm, o.boolOrDefault("protect"));
    }
}
