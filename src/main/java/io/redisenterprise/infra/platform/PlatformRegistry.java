package io.redisenterprise.infra.platform;

import io.redisenterprise.infra.settings.Cloud;
import io.redisenterprise.infra.settings.ConfigProblem;
import io.redisenterprise.infra.settings.InvalidConfigException;
import io.redisenterprise.infra.settings.SettingsLoader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The platforms this build carries, keyed by {@code redis-enterprise:cloud}, found on the class path. */
public final class PlatformRegistry {
    private final Map<Cloud, Platform> platforms;

    private PlatformRegistry(Map<Cloud, Platform> platforms) {
        this.platforms = platforms;
    }

    public static PlatformRegistry discover() {
        Map<Cloud, Platform> found = new EnumMap<>(Cloud.class);
        for (Platform p : ServiceLoader.load(Platform.class, PlatformRegistry.class.getClassLoader())) {
            found.put(p.cloud(), p);
        }
        return new PlatformRegistry(found);
    }

    /** A registry of exactly these platforms (what a slim build would discover). */
    public static PlatformRegistry of(List<Platform> platforms) {
        Map<Cloud, Platform> found = new EnumMap<>(Cloud.class);
        platforms.forEach(p -> found.put(p.cloud(), p));
        return new PlatformRegistry(found);
    }

    public List<Cloud> available() {
        return List.copyOf(platforms.keySet());
    }

    /** The platform for a cloud, or a one-line configuration error naming the build profile that carries it. */
    public Platform forCloud(Cloud cloud) {
        Platform p = platforms.get(cloud);
        if (p == null) {
            String carried = platforms.keySet().stream().map(Cloud::key).collect(Collectors.joining(", "));
            throw new InvalidConfigException(List.of(new ConfigProblem(SettingsLoader.NAMESPACE + ":cloud",
                    "this build carries only " + carried + "; rebuild with `mvn package -P " + cloud.key()
                            + "` (or the default build, which carries every cloud)", "\"" + cloud.key() + "\"")));
        }
        return p;
    }
}
