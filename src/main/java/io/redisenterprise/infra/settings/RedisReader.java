package io.redisenterprise.infra.settings;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code redis-enterprise:redis}: the Redis Enterprise nodes, their size, volumes, images and names. */
final class RedisReader {
    /** Redis Enterprise's persistence guidance: the persistent volume holds at least 3 x the node's memory. */
    static final int MIN_VOLUME_MEMORY_FACTOR = 3;
    static final int DEFAULT_VOLUME_MEMORY_FACTOR = 5;

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
        if (volume.isPresent() && o.usable("memory")
                && volume.get().value().compareTo(memory.value().multiply(BigDecimal.valueOf(MIN_VOLUME_MEMORY_FACTOR))) < 0) {
            problems.add(o.keyOf("volumeSize"), "must be at least " + MIN_VOLUME_MEMORY_FACTOR + " x redis.memory (" + memory
                    + "), Redis Enterprise's persistence guidance; " + DEFAULT_VOLUME_MEMORY_FACTOR + " x is the default",
                    Problems.quote(volume.get().text()));
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
                o.stringOrDefault("namespace"), o.stringOrDefault("name"), antiAffinity,
                o.stringOrDefault("bootstrapImage"), confirm, o.boolOrDefault("protect"));
    }
}
