package io.redisenterprise.infra.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The program's own data files (the machine, disk and operator release catalogues under {@code src/main/resources}),
 * read strictly: an unknown key fails the load, so a typo in the data ("perGib", "maxpods") can never silently drop
 * a figure; decimals keep every digit. A file that is missing or does not parse stops the program with its name: it
 * is a build defect, not a user error.
 */
public final class DataFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private DataFile() {
    }

    /** The class-path resource {@code resource} as one {@code type}. */
    public static <T> T read(String resource, Class<T> type) {
        return read(resource, YAML.getTypeFactory().constructType(type));
    }

    /**
     * A file of one section per cloud ({@code aws:}, {@code gcp:}, ...), each read as a {@code section}, in file
     * order; a key that is not a cloud fails the load.
     */
    public static <S> Map<Cloud, S> perCloud(String resource, Class<S> section) {
        TypeFactory types = YAML.getTypeFactory();
        Map<String, S> document = read(resource, types.constructMapType(LinkedHashMap.class,
                types.constructType(String.class), types.constructType(section)));
        Map<Cloud, S> out = new EnumMap<>(Cloud.class);
        document.forEach((key, value) -> out.put(Cloud.fromKey(key).orElseThrow(() -> new IllegalStateException(
                resource + ": unknown cloud '" + key + "', expected one of " + Cloud.allowedValues())), value));
        return out;
    }

    private static <T> T read(String resource, JavaType type) {
        try (InputStream in = DataFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
