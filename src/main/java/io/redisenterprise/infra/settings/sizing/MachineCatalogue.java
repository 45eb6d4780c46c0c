package io.redisenterprise.infra.settings.sizing;

import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.DataFile;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The machine types of {@code sizing/machine-types.yaml}, looked up by cloud and provider name, and the disk types
 * each machine series attaches.
 */
public final class MachineCatalogue {
    static final String RESOURCE = "/sizing/machine-types.yaml";
    private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);
    /** How far a typed family or name may be from a known one to be suggested (two typos). */
    private static final int SUGGESTION_DISTANCE = 2;
    /** {@code Standard_E4s_v5}: family letters, vCPUs, additive features, version (Azure's size naming). */
    private static final Pattern AZURE_SIZE = Pattern.compile("(?i)(Standard_[A-Z]+)([0-9]+)([a-z-]*_v[0-9]+)");
    /** {@code r6i.2xlarge}: the size part after the family, as EC2 spells it. */
    private static final Pattern AWS_SIZE = Pattern.compile("(?i)(?:([0-9]*)x)?large");

    private final Map<Cloud, Map<String, MachineType>> types;
    private final Map<Cloud, List<String>> sources;
    private final Map<Cloud, Map<String, MachineSeries>> series;

    private MachineCatalogue(Map<Cloud, Map<String, MachineType>> types, Map<Cloud, List<String>> sources,
                             Map<Cloud, Map<String, MachineSeries>> series) {
        this.types = types;
        this.sources = sources;
        this.series = series;
    }

    /** The catalogue shipped with the program, read from the classpath on first use. */
    public static MachineCatalogue standard() {
        return Holder.STANDARD;
    }

    /** The machine type of that name on that cloud; names are matched exactly, as the cloud APIs spell them. */
    public Optional<MachineType> find(Cloud cloud, String name) {
        return Optional.ofNullable(types.getOrDefault(cloud, Map.of()).get(name));
    }

    /** Names known on that cloud in catalogue order (family, then size); empty for a plain Kubernetes target. */
    public List<String> known(Cloud cloud) {
        return List.copyOf(types.getOrDefault(cloud, Map.of()).keySet());
    }

    /** Where the numbers for that cloud come from, for error messages and review. */
    public List<String> sources(Cloud cloud) {
        return sources.getOrDefault(cloud, List.of());
    }

    /**
     * The series of a machine type and the disks it attaches, whether or not the type itself is catalogued: on gcp
     * the name up to its first '-' ({@code n4-highmem-8} is {@code n4}). Empty when the series is not in the data
     * (every series of aws and azure attaches every disk type this program offers, so none is listed).
     */
    public Optional<MachineSeries> series(Cloud cloud, String machineType) {
        int dash = machineType.indexOf('-');
        if (cloud != Cloud.GCP || dash <= 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(series.getOrDefault(cloud, Map.of()).get(machineType.substring(0, dash)));
    }

    /**
     * The catalogued names nearest to one that is not, for a refusal: the same family's neighbours by size
     * ({@code n2-highmem-5} gives n2-highmem-4 and n2-highmem-8), the closest spelling within the family
     * ({@code r6i.xlrge} gives r6i.xlarge), the closest family's match for a misspelt family, else the closest names
     * overall. Empty when nothing is close.
     */
    public List<String> nearest(Cloud cloud, String typed) {
        List<String> known = known(cloud);
        Optional<String> sameButCase = known.stream().filter(k -> k.equalsIgnoreCase(typed)).findFirst();
        if (sameButCase.isPresent()) {
            return List.of(sameButCase.get());
        }
        Optional<Split> split = split(cloud, typed);
        if (split.isPresent()) {
            String family = split.get().family();
            Set<String> families = new LinkedHashSet<>();
            known.forEach(k -> split(cloud, k).ifPresent(s -> families.add(s.family())));
            Optional<String> closestFamily = families.stream().filter(f -> f.equalsIgnoreCase(family)).findFirst()
                    .or(() -> closest(families, family).stream().findFirst());
            if (closestFamily.isPresent()) {
                List<String> members = known.stream()
                        .filter(k -> split(cloud, k).map(s -> s.family().equals(closestFamily.get())).orElse(false))
                        .toList();
                return neighbours(cloud, members, split.get());
            }
        }
        return closest(known, typed).stream().limit(3).toList();
    }

    /** The family's types just below and just above the typed size, or its closest spellings when the size is no number. */
    private List<String> neighbours(Cloud cloud, List<String> members, Split typed) {
        if (typed.vcpu().isEmpty()) {
            List<String> bySpelling = closest(members.stream().map(m -> split(cloud, m).orElseThrow().size()).toList(),
                    typed.size());
            return members.stream().filter(m -> bySpelling.contains(split(cloud, m).orElseThrow().size())).limit(2).toList();
        }
        int vcpu = typed.vcpu().getAsInt();
        Optional<String> same = members.stream().filter(m -> vcpuOf(cloud, m) == vcpu).findFirst();
        if (same.isPresent()) {
            return List.of(same.get());
        }
        Optional<String> below = members.stream().filter(m -> vcpuOf(cloud, m) < vcpu)
                .max(Comparator.comparingInt(m -> vcpuOf(cloud, m)));
        Optional<String> above = members.stream().filter(m -> vcpuOf(cloud, m) > vcpu)
                .min(Comparator.comparingInt(m -> vcpuOf(cloud, m)));
        return Stream.of(below, above).flatMap(Optional::stream).toList();
    }

    private int vcpuOf(Cloud cloud, String name) {
        return find(cloud, name).map(MachineType::vcpu).orElse(0);
    }

    /** The candidates at the smallest edit distance from the typed text, within {@value #SUGGESTION_DISTANCE}. */
    private static List<String> closest(Collection<String> candidates, String typed) {
        LevenshteinDistance distance = new LevenshteinDistance(SUGGESTION_DISTANCE);
        String t = typed.toLowerCase(Locale.ROOT);
        int best = candidates.stream().mapToInt(c -> distance.apply(c.toLowerCase(Locale.ROOT), t))
                .filter(d -> d >= 0).min().orElse(-1);
        if (best < 0) {
            return List.of();
        }
        return candidates.stream().filter(c -> distance.apply(c.toLowerCase(Locale.ROOT), t) == best).toList();
    }

    /** A machine type name as family and size, per the cloud's naming; the vCPUs the size names, when it is a number. */
    private record Split(String family, String size, OptionalInt vcpu) {
    }

    private static Optional<Split> split(Cloud cloud, String name) {
        switch (cloud) {
            case AWS -> {
                int dot = name.indexOf('.');
                if (dot <= 0) {
                    return Optional.empty();
                }
                String size = name.substring(dot + 1);
                Matcher m = AWS_SIZE.matcher(size);
                // EC2: large = 2 vCPUs, xlarge = 4, Nxlarge = 4N (https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html).
                OptionalInt vcpu = !m.matches() ? OptionalInt.empty()
                        : m.group(1) == null ? OptionalInt.of(2)
                        : OptionalInt.of(4 * (m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1))));
                return Optional.of(new Split(name.substring(0, dot), size, vcpu));
            }
            case GCP -> {
                int dash = name.lastIndexOf('-');
                if (dash <= 0) {
                    return Optional.empty();
                }
                String size = name.substring(dash + 1);
                OptionalInt vcpu = size.matches("[0-9]{1,4}") ? OptionalInt.of(Integer.parseInt(size)) : OptionalInt.empty();
                return Optional.of(new Split(name.substring(0, dash), size, vcpu));
            }
            case AZURE -> {
                Matcher m = AZURE_SIZE.matcher(name);
                if (!m.matches() || m.group(2).length() > 4) {
                    return Optional.empty();
                }
                return Optional.of(new Split(m.group(1) + "#" + m.group(3), m.group(2),
                        OptionalInt.of(Integer.parseInt(m.group(2)))));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    // The holder idiom parses the YAML once, on first use, without locking on every look-up.
    private static final class Holder {
        static final MachineCatalogue STANDARD = read();
    }

    private static MachineCatalogue read() {
        Map<Cloud, Section> document = DataFile.perCloud(RESOURCE, Section.class);
        Map<Cloud, Map<String, MachineType>> types = new EnumMap<>(Cloud.class);
        Map<Cloud, List<String>> sources = new EnumMap<>(Cloud.class);
        Map<Cloud, Map<String, MachineSeries>> series = new EnumMap<>(Cloud.class);
        document.forEach((cloud, section) -> {
            String key = cloud.key();
            if (section.sources() == null || section.sources().isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": " + key + " has no sources");
            }
            Map<String, MachineType> byName = new LinkedHashMap<>();
            section.types().forEach((name, entry) -> byName.put(name, entry.toMachineType(cloud, name)));
            types.put(cloud, Collections.unmodifiableMap(byName));
            sources.put(cloud, List.copyOf(section.sources()));
            Map<String, MachineSeries> seriesByName = new LinkedHashMap<>();
            section.series().forEach((name, entry) -> seriesByName.put(name, entry.toSeries(cloud, name)));
            series.put(cloud, Collections.unmodifiableMap(seriesByName));
        });
        return new MachineCatalogue(types, sources, series);
    }

    // notes are for human readers of the YAML; they are read only so that an unknown key still fails the load.
    private record Section(List<String> sources, List<String> notes, Map<String, SeriesEntry> series,
                           Map<String, Entry> types) {
        Section {
            types = types == null ? Map.of() : types;
            series = series == null ? Map.of() : series;
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    private record SeriesEntry(List<String> dataDisks, List<String> bootDisks, String source) {
        MachineSeries toSeries(Cloud cloud, String name) {
            if (dataDisks == null || bootDisks == null || source == null || !source.contains("https://")) {
                throw new IllegalStateException(RESOURCE + ": series " + name + " needs dataDisks, bootDisks and a source");
            }
            return new MachineSeries(cloud, name, dataDisks, bootDisks, source);
        }
    }

    private record Entry(Integer vcpu, BigDecimal memoryGiB, Integer maxPods) {
        MachineType toMachineType(Cloud cloud, String name) {
            if (vcpu == null || memoryGiB == null) {
                throw new IllegalStateException(RESOURCE + ": " + name + " needs vcpu and memoryGiB");
            }
            // EKS derives kube-reserved memory from maxPods, so an AWS entry without it cannot be sized.
            if (cloud == Cloud.AWS && maxPods == null) {
                throw new IllegalStateException(RESOURCE + ": " + name + " needs maxPods (EKS kube-reserved uses it)");
            }
            BigDecimal mib = memoryGiB.multiply(MIB_PER_GIB);
            long memoryMiB;
            try {
                memoryMiB = mib.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalStateException(RESOURCE + ": " + name + " memoryGiB " + memoryGiB
                        + " is not a whole number of MiB", e);
            }
            return new MachineType(cloud, name, vcpu, memoryMiB,
                    maxPods == null ? OptionalInt.empty() : OptionalInt.of(maxPods));
        }
    }
}
