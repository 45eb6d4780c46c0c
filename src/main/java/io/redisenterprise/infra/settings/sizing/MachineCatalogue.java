package io.redisenterprise.infra.settings.sizing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.redisenterprise.infra.settings.Cloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The machine types of {@code sizing/machine-types.yaml}, looked up by cloud and provider name. */
public final class MachineCatalogue {
    static final String RESOURCE = "/sizing/machine-types.yaml";
    private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);

    private final Map<Cloud, Map<String, MachineType>> types;
    private final Map<Cloud, List<String>> sources;

    private MachineCatalogue(Map<Cloud, Map<String, MachineType>> types, Map<Cloud, List<String>> sources) {
        this.types = types;
        this.sources = sources;
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

    // The holder idiom parses the YAML once, on first use, without locking on every look-up.
    private static final class Holder {
        static final MachineCatalogue STANDARD = read();
    }

    private static MachineCatalogue read() {
        // Unknown keys fail the load so that a typo in the data file ("maxpods") cannot silently drop a number.
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Map<String, Section> document;
        try (InputStream in = MachineCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            document = yaml.readValue(in, yaml.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Section.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<Cloud, Map<String, MachineType>> types = new EnumMap<>(Cloud.class);
        Map<Cloud, List<String>> sources = new EnumMap<>(Cloud.class);
        document.forEach((key, section) -> {
            Cloud cloud = Cloud.fromKey(key).orElseThrow(() -> new IllegalStateException(
                    RESOURCE + ": unknown cloud '" + key + "', expected one of " + Cloud.allowedValues()));
            if (section.sources() == null || section.sources().isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": " + key + " has no sources");
            }
            Map<String, MachineType> byName = new LinkedHashMap<>();
            section.types().forEach((name, entry) -> byName.put(name, entry.toMachineType(cloud, name)));
            types.put(cloud, Collections.unmodifiableMap(byName));
            sources.put(cloud, List.copyOf(section.sources()));
        });
        return new MachineCatalogue(types, sources);
    }

    // notes are for human readers of the YAML; they are read only so that an unknown key still fails the load.
    private record Section(List<String> sources, List<String> notes, Map<String, Entry> types) {
        Section {
            types = types == null ? Map.of() : types;
            notes = notes == null ? List.of() : List.copyOf(notes);
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
