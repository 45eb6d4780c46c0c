package io.redisenterprise.infra.settings;

import java.util.Optional;

/**
 * A container image reference split the way the RedisEnterpriseCluster's {@code redisEnterpriseImageSpec} wants it:
 * {@code repository} (registry and path, with any registry port) and {@code versionTag}.
 *
 * @param repository e.g. {@code redislabs/redis} or {@code registry.example.com:5000/redislabs/redis}
 * @param tag        e.g. {@code 8.0.20-44.23}
 */
public record RedisImage(String repository, String tag) {

    /**
     * Splits {@code repository:tag}; empty when the reference has no tag or names a digest ({@code @sha256:...}),
     * which the REC's image spec takes only in OLM deployments (CRD {@code redisEnterpriseImageSpec.digestHash}).
     */
    public static Optional<RedisImage> parse(String image) {
        if (image == null || image.contains("@")) {
            return Optional.empty();
        }
        int colon = image.lastIndexOf(':');
        // A colon before the last '/' belongs to a registry port, not a tag.
        if (colon < 0 || colon < image.lastIndexOf('/') || colon == image.length() - 1 || colon == 0) {
            return Optional.empty();
        }
        return Optional.of(new RedisImage(image.substring(0, colon), image.substring(colon + 1)));
    }

    /**
     * Whether this image carries the Redis Software build {@code expectedTag}: the same tag, or a variant of it such as
     * {@code 8.0.20-44.23.minimal} (the minimal base image the release notes also list). The repository is free:
     * mirrors and the Red Hat registry carry the same tags.
     */
    public boolean carries(String expectedTag) {
        return tag.equals(expectedTag) || tag.startsWith(expectedTag + ".");
    }
}
