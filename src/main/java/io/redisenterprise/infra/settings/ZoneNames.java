package io.redisenterprise.infra.settings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which region a zone name belongs to, per cloud's naming, so that a node pool is never asked for zones of another
 * region (the cloud refuses it mid-{@code up}).
 * <ul>
 *   <li>AWS: an Availability Zone is "its Region code followed by a letter identifier" ({@code us-east-1a},
 *       https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html); a Local Zone
 *       is its parent Region's code followed by its location ({@code us-east-1-bos-1a},
 *       https://docs.aws.amazon.com/local-zones/latest/ug/available-local-zones.html), and EKS managed node groups
 *       run in Local Zones but not in Wavelength Zones (https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html).
 *       An AZ ID ({@code use1-az1}) names a zone across accounts, but nodes are labelled with the zone name.</li>
 *   <li>Google Cloud: a zone is {@code <region>-<letter>} ({@code europe-west1-b},
 *       https://cloud.google.com/compute/docs/regions-zones); a region is {@code <area>-<direction><number>}.</li>
 * </ul>
 */
final class ZoneNames {
    private static final Pattern GCP_REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");
    private static final Pattern GCP_ZONE = Pattern.compile("(" + GCP_REGION.pattern() + ")-[a-z]");
    private static final Pattern AWS_AZ_ID = Pattern.compile("[a-z]{3,5}[0-9]+-az[0-9]+");

    private ZoneNames() {
    }

    /** An Availability Zone or Local Zone of that AWS region. */
    static boolean awsZoneOf(String region, String zone) {
        String r = Pattern.quote(region);
        return zone.matches(r + "[a-z]") || zone.matches(r + "-[a-z]+-[0-9]+[a-z]");
    }

    /** {@code use1-az1}: an AZ ID rather than a zone name. */
    static boolean awsZoneId(String zone) {
        return AWS_AZ_ID.matcher(zone).matches();
    }

    /** The region a GKE location names: itself for a region, the zone's region for a zone; empty if it is neither. */
    static Optional<String> gcpRegionOf(String location) {
        if (GCP_REGION.matcher(location).matches()) {
            return Optional.of(location);
        }
        Matcher zone = GCP_ZONE.matcher(location);
        return zone.matches() ? Optional.of(zone.group(1)) : Optional.empty();
    }

    /** A zone of that Google Cloud region. */
    static boolean gcpZoneOf(String region, String zone) {
        return zone.matches(Pattern.quote(region) + "-[a-z]");
    }
}
