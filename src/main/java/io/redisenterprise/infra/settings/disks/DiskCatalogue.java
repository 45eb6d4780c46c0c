package io.redisenterprise.infra.settings.disks;

import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.DataFile;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The disks of {@code storage/disk-types.yaml}: per cloud, the boot disk's size range and every data disk type
 * with its size, IOPS and throughput rules, each row with its sources. Read from the classpath once.
 */
public final class DiskCatalogue {
    static final String RESOURCE = "/storage/disk-types.yaml";

    private final Map<Cloud, Map<String, DiskType>> dataDisks;
    private final Map<Cloud, BootDisk> bootDisks;

    private DiskCatalogue(Map<Cloud, Map<String, DiskType>> dataDisks, Map<Cloud, BootDisk> bootDisks) {
        this.dataDisks = dataDisks;
        this.bootDisks = bootDisks;
    }

    /** The catalogue shipped with the program, read on first use. */
    public static DiskCatalogue standard() {
        return Holder.STANDARD;
    }

    /** The data disk type of that name on that cloud, matched exactly as the cloud's API spells it. */
    public Optional<DiskType> find(Cloud cloud, String name) {
        return Optional.ofNullable(dataDisks.getOrDefault(cloud, Map.of()).get(name));
    }

    /** The data disk types of a cloud in file order; empty for a plain Kubernetes target. */
    public List<String> dataDiskTypes(Cloud cloud) {
        return List.copyOf(dataDisks.getOrDefault(cloud, Map.of()).keySet());
    }

    /** The cloud's default data disk type (the first listed); empty for a plain Kubernetes target. */
    public Optional<String> defaultDataDisk(Cloud cloud) {
        return dataDiskTypes(cloud).stream().findFirst();
    }

    /** Every data disk type name of every cloud, sorted: what the schema's storage.diskType enum lists. */
    public Set<String> allDataDiskTypes() {
        Set<String> all = new TreeSet<>();
        dataDisks.values().forEach(m -> all.addAll(m.keySet()));
        return all;
    }

    /** The boot disk rules of a cloud's node pools; empty for a plain Kubernetes target. */
    public Optional<BootDisk> bootDisk(Cloud cloud) {
        return Optional.ofNullable(bootDisks.get(cloud));
    }

    private static final class Holder {
        static final DiskCatalogue STANDARD = read();
    }

    private static DiskCatalogue read() {
        Map<Cloud, Section> document = DataFile.perCloud(RESOURCE, Section.class);
        Map<Cloud, Map<String, DiskType>> data = new EnumMap<>(Cloud.class);
        Map<Cloud, BootDisk> boot = new EnumMap<>(Cloud.class);
        document.forEach((cloud, section) -> {
            String key = cloud.key();
            if (section.bootDisk() == null || section.dataDisks() == null || section.dataDisks().isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": " + key + " needs bootDisk and dataDisks");
            }
            boot.put(cloud, new BootDisk(cloud, section.bootDisk().sizeGiB().toRange(key + " bootDisk"),
                    sourced(section.bootDisk().sources(), key + " bootDisk")));
            Map<String, DiskType> byName = new LinkedHashMap<>();
            section.dataDisks().forEach((name, row) -> byName.put(name, row.toDiskType(cloud, name)));
            data.put(cloud, Collections.unmodifiableMap(byName));
        });
        return new DiskCatalogue(data, boot);
    }

    private static List<String> sourced(List<String> sources, String where) {
        if (sources == null || sources.isEmpty() || !sources.stream().allMatch(s -> s.contains("https://"))) {
            throw new IllegalStateException(RESOURCE + ": " + where + " needs sources, each with its https:// address");
        }
        return List.copyOf(sources);
    }

    private record Section(BootRow bootDisk, Map<String, DiskRow> dataDisks) {
    }

    // notes are for human readers of the YAML; they are read only so that an unknown key still fails the load.
    private record BootRow(Range sizeGiB, List<String> sources, List<String> notes) {
    }

    private record Range(Long min, Long max, Long baseline, BigDecimal perGiB, BigDecimal perIops, Boolean required) {
        SizeRange toRange(String where) {
            if (min == null || max == null || baseline != null || perGiB != null || perIops != null || required != null) {
                throw new IllegalStateException(RESOURCE + ": " + where + " sizeGiB takes exactly min and max");
            }
            return new SizeRange(min, max);
        }

        Performance toPerformance(String where, boolean sizeRatio) {
            if (min == null || max == null) {
                throw new IllegalStateException(RESOURCE + ": " + where + " needs min and max");
            }
            if ((sizeRatio && perIops != null) || (!sizeRatio && perGiB != null)) {
                throw new IllegalStateException(RESOURCE + ": " + where
                        + ": IOPS take perGiB (a cap per GiB of size), throughput takes perIops (a cap per IOPS)");
            }
            BigDecimal ratio = sizeRatio ? perGiB : perIops;
            return new Performance(min, max, baseline == null ? OptionalLong.empty() : OptionalLong.of(baseline),
                    Optional.ofNullable(ratio), Boolean.TRUE.equals(required));
        }
    }

    private record DiskRow(Range sizeGiB, Range iops, Range throughputMiBps, List<String> sources, List<String> notes) {
        DiskType toDiskType(Cloud cloud, String name) {
            String where = cloud + " " + name;
            if (sizeGiB == null) {
                throw new IllegalStateException(RESOURCE + ": " + where + " needs sizeGiB");
            }
            Optional<Performance> i = Optional.ofNullable(iops).map(r -> r.toPerformance(where + " iops", true));
            Optional<Performance> t = Optional.ofNullable(throughputMiBps)
                    .map(r -> r.toPerformance(where + " throughputMiBps", false));
            if (t.isPresent() && t.get().ratio().isPresent() && i.isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": " + where + ": a throughput-per-IOPS ratio needs IOPS rules");
            }
            return new DiskType(cloud, name, sizeGiB.toRange(where), i, t, sourced(sources, where));
        }
    }
}
