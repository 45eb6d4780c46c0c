package io.redisenterprise.infra.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Redis Enterprise for Kubernetes release, from {@code operator/releases.yaml} (sources in that file): the
 * operator version, which is also the Helm chart version, and the Redis Enterprise Software image its release notes
 * list under "Downloads".
 *
 * @param operator       the operator and chart version, e.g. {@code 8.0.20-23}
 * @param redisImage     the Redis Software image the release ships, e.g. {@code redislabs/redis:8.0.20-44.23}
 * @param releaseNotes   the release notes page, relative to
 *                       https://redis.io/docs/latest/operate/kubernetes/release-notes/ (source file in redis/docs)
 * @param chartPublished whether the stored copy of https://helm.redis.io/index.yaml lists the chart
 */
public record OperatorRelease(String operator, String redisImage, String releaseNotes, boolean chartPublished) {
    static final String RESOURCE = "/operator/releases.yaml";
    /** The Helm repository of the operator's chart (its index, https://helm.redis.io/index.yaml, lists the charts). */
    public static final String CHART_REPOSITORY = "https://helm.redis.io";

    /** The tag of {@link #redisImage}, e.g. {@code 8.0.20-44.23}. */
    public String redisTag() {
        return RedisImage.parse(redisImage).orElseThrow().tag();
    }

    /** The release of that operator version, if the catalogue lists it. */
    public static Optional<OperatorRelease> find(String operatorVersion) {
        return Optional.ofNullable(Catalogue.BY_VERSION.get(operatorVersion));
    }

    /** The versions whose chart the repository publishes (per the catalogue), oldest first. */
    public static List<String> published() {
        return Catalogue.BY_VERSION.values().stream().filter(OperatorRelease::chartPublished)
                .map(OperatorRelease::operator).toList();
    }

    /** Every release the catalogue lists, oldest first. */
    public static List<OperatorRelease> all() {
        return List.copyOf(Catalogue.BY_VERSION.values());
    }

    private static final class Catalogue {
        static final Map<String, OperatorRelease> BY_VERSION = read();

        private record Document(List<OperatorRelease> releases) {
        }

        private static Map<String, OperatorRelease> read() {
            Map<String, OperatorRelease> out = new LinkedHashMap<>();
            for (OperatorRelease r : DataFile.read(RESOURCE, Document.class).releases()) {
                if (RedisImage.parse(r.redisImage()).isEmpty() || out.put(r.operator(), r) != null) {
                    throw new IllegalStateException(RESOURCE + ": bad or repeated entry " + r);
                }
            }
            return out;
        }
    }
}
