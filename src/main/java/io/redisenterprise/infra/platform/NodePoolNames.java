package io.redisenterprise.infra.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Physical node pool names that change whenever a property the cloud sets only at creation changes.
 *
 * <p>A node pool whose machine type, boot disk, subnet, zone or taints change cannot be updated in place: it
 * must be replaced. Pulumi replaces create-before-delete (the new pool joins, the old one is drained and deleted
 * at the end of the update: pulumi/pulumi {@code pkg/resource/deploy/step_generator.go}, {@code GenerateDeletes}
 * and {@code ScheduleDeletes}), but only if the new pool can carry another name than the old one; with a fixed
 * name the cloud refuses the second pool, and {@code deleteBeforeReplace} would take the Redis nodes down before
 * their new VMs exist. So each pool's name ends with a short hash of exactly those create-only properties: same
 * properties, same name (nothing happens); any change, a new name (a replacement that creates first).
 *
 * <p>The hash is the first {@value #HASH_LENGTH} hex characters of SHA-256 over the properties as canonical JSON
 * (keys sorted, serialised by Jackson): about one chance in 16.7 million that a change keeps the name, in which
 * case the cloud refuses the update rather than losing anything.
 *
 * <p>Adding a property to (or renaming one in) a platform's hashed map renames every existing pool of that cloud,
 * that is, replaces them all: do it only together with a change that needs the replacement anyway.
 */
public final class NodePoolNames {
    /** Hex characters of the hash in a name. */
    public static final int HASH_LENGTH = 6;
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private NodePoolNames() {
    }

    /**
     * {@code <base><separator><hash>}, where base is {@code poolName} cut to {@code poolNameMax} characters
     * (trailing '-' dropped) followed by {@code zonePart}.
     *
     * @param createOnly the pool's properties the cloud sets only at creation (values: strings, numbers, booleans,
     *                   lists and maps of those); the zone and the full pool name belong here too
     */
    public static String of(String poolName, int poolNameMax, String zonePart, String separator,
                            Map<String, ?> createOnly) {
        String cut = poolName.length() > poolNameMax ? poolName.substring(0, poolNameMax) : poolName;
        cut = cut.replaceAll("-+$", "");
        return cut + zonePart + separator + hash(createOnly);
    }

    /** The hash alone: {@value #HASH_LENGTH} lowercase hex characters. */
    public static String hash(Map<String, ?> createOnly) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(createOnly);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
