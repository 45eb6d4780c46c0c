package io.redisenterprise.infra.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import io.redisenterprise.infra.settings.sizing.Allocatable;
import io.redisenterprise.infra.settings.sizing.DaemonSetAllowance;
import io.redisenterprise.infra.settings.sizing.MachineCatalogue;
import io.redisenterprise.infra.settings.sizing.MachineType;
import io.redisenterprise.infra.settings.sizing.NodeAllocatable;
import io.redisenterprise.infra.settings.sizing.PodFit;
import io.redisenterprise.infra.settings.sizing.PodSizing;
import io.redisenterprise.infra.settings.sizing.RedisPodSize;

/**
 * Reads the stack configuration once, validates all of it, and returns immutable {@link Settings}, or throws
 * {@link InvalidConfigException} listing every problem, one line each.
 */
public final class SettingsLoader {
    /** The project's config namespace ({@code name} in Pulumi.yaml). */
    public static final String NAMESPACE = "redis-enterprise";

    /** A pinned Redis Enterprise Software image; upgrades are deliberate, never a moving tag. */
    public static final String DEFAULT_IMAGE = "redislabs/redis:7.22.2-189";

    static final Set<String> CLUSTER_KEYS = Set.of("name", "resourceGroup", "location", "kubeconfig", "context");
    static final Set<String> NODE_POOL_KEYS = Set.of("name", "machineType", "zones", "nodesPerZone", "diskSizeGb",
            "subnetIds", "nodeRoleArn", "dedicated", "maxPods", "sparePerZone", "daemonSetAllowance");
    static final Set<String> ALLOWANCE_KEYS = Set.of("cpu", "memory");
    /** A dedicated Redis pool runs one Redis pod plus DaemonSets; a low pod limit frees AKS's per-pod reservation. */
    static final int DEFAULT_AKS_MAX_PODS = 30;
    /** Redis Enterprise keeps ephemeral files on the node's boot disk: at least twice the pod's memory. */
    static final int BOOT_DISK_MEMORY_FACTOR = 2;
    static final int MIN_BOOT_DISK_GB = 128;
    static final Set<String> STORAGE_KEYS = Set.of("className", "diskType", "iops", "throughputMiBps", "encryptionKey",
            "existingClassName", "provisioner", "parameters", "installCsiDriver");
    static final Set<String> REDIS_KEYS = Set.of("nodes", "cpu", "memory", "volumeSize", "image", "namespace", "name",
            "antiAffinity", "bootstrapImage", "confirmScaleDown", "protect");
    static final Set<String> SERVICES_KEYS = Set.of("type", "loadBalancerSourceRanges", "internal");

    /** The sidecar that forms the cluster runs the stdlib-only bootstrap script on a pinned Python image. */
    public static final String DEFAULT_BOOTSTRAP_IMAGE = "python:3.12.8-slim-bookworm";
    public static final String DEFAULT_ADMIN_USERNAME = "admin@redis-enterprise.local";
    /** Stands for secrets the offline plan cannot read, and is how any secret prints ({@link SecretText}). */
    public static final String PLAN_PLACEHOLDER = SecretText.MASK;

    /** Disk types each cloud's CSI driver provisions for Redis Enterprise data, the first being the default. */
    static final Map<Cloud, List<String>> DISK_TYPES = Map.of(
            Cloud.AWS, List.of("gp3", "io2"),
            Cloud.GCP, List.of("pd-ssd", "pd-balanced", "hyperdisk-balanced"),
            Cloud.AZURE, List.of("Premium_LRS", "Premium_ZRS", "PremiumV2_LRS"));

    static final Map<Cloud, String> DEFAULT_MACHINE = Map.of(
            Cloud.AWS, "r6i.xlarge",
            Cloud.GCP, "n2-highmem-4",
            Cloud.AZURE, "Standard_E4s_v5");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigSource source;
    private final boolean planning;
    private final Problems problems = new Problems(NAMESPACE);
    private final List<String> warnings = new java.util.ArrayList<>();

    private SettingsLoader(ConfigSource source, boolean planning) {
        this.source = source;
        this.planning = planning;
    }

    /** Settings for {@code pulumi up/preview}: every rule applies. */
    public static Settings load(ConfigSource source) {
        return new SettingsLoader(source, false).read();
    }

    /**
     * Settings for the offline plan: the same rules, except that a secret the stack file cannot hold yet (the
     * admin password, set with {@code pulumi config set --secret}) is planned with a placeholder and a warning.
     */
    public static Settings loadForPlan(ConfigSource source) {
        return new SettingsLoader(source, true).read();
    }

    private Settings read() {
        Optional<Cloud> cloud = readCloud();
        ConfigObject cluster = object("cluster");
        ConfigObject pool = object("nodePool");
        ConfigObject storage = object("storage");
        ConfigObject redis = object("redis");
        ConfigObject services = object("services");
        services.refuseUnknown(SERVICES_KEYS);
        cluster.refuseUnknown(CLUSTER_KEYS);
        pool.refuseUnknown(NODE_POOL_KEYS);
        storage.refuseUnknown(STORAGE_KEYS);
        redis.refuseUnknown(REDIS_KEYS);
        if (cloud.isEmpty()) {
            // Everything else depends on the cloud.
            throw new InvalidConfigException(problems.all());
        }
        Cloud c = cloud.get();
        ClusterTarget target = readCluster(c, cluster);
        int nodes = readNodes(c, redis);
        NodePoolSettings poolDraft = readNodePool(c, pool, nodes);
        PodSize size = size(c, poolDraft, pool, redis);
        RedisSettings redisSettings = readRedis(c, redis, nodes, size);
        NodePoolSettings poolSettings = bootDisk(pool, poolDraft, size.memory(), c);
        StorageSettings storageSettings = readStorage(c, storage);
        CredentialSettings credentials = readCredentials();
        ServiceSettings serviceSettings = readServices(services);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems.all());
        }
        return new Settings(NAMESPACE, c, target, poolSettings, storageSettings, redisSettings, credentials,
                serviceSettings, size.report(), warnings);
    }

    private Optional<Cloud> readCloud() {
        Optional<String> value = scalar(NAMESPACE + ":cloud");
        if (value.isEmpty()) {
            problems.add("cloud", "required, one of " + Cloud.allowedValues(), Problems.NOTHING);
            return Optional.empty();
        }
        Optional<Cloud> cloud = Cloud.fromKey(value.get());
        if (cloud.isEmpty()) {
            problems.add("cloud", "must be one of " + Cloud.allowedValues(), Problems.quote(value.get()));
        }
        return cloud;
    }

    // ---------------------------------------------------------------- cluster

    private ClusterTarget readCluster(Cloud cloud, ConfigObject o) {
        o.refuseUnless(cloud != Cloud.KUBERNETES, "name", "applies only when cloud is aws, gcp or azure");
        o.refuseUnless(cloud == Cloud.AZURE, "resourceGroup", "applies only when cloud is azure");
        o.refuseUnless(cloud == Cloud.GCP, "location", "applies only when cloud is gcp");
        o.refuseUnless(cloud == Cloud.KUBERNETES, "kubeconfig", "applies only when cloud is kubernetes");
        o.refuseUnless(cloud == Cloud.KUBERNETES, "context", "applies only when cloud is kubernetes");
        switch (cloud) {
            case AWS -> {
                String name = requiredClusterName(o, "the name of the existing EKS cluster");
                String region = requiredQualified("aws:region", "required when cloud is aws (pulumi config set aws:region us-east-1)");
                return new ClusterTarget.Eks(name, region);
            }
            case GCP -> {
                String name = requiredClusterName(o, "the name of the existing GKE cluster");
                String project = requiredQualified("gcp:project", "required when cloud is gcp (pulumi config set gcp:project my-project)");
                Optional<String> location = o.string("location")
                        .or(() -> scalar("gcp:region"))
                        .or(() -> scalar("gcp:zone"));
                if (location.isEmpty()) {
                    problems.add(o.keyOf("location"),
                            "required when cloud is gcp (the GKE cluster's region or zone), or set gcp:region / gcp:zone",
                            Problems.NOTHING);
                }
                return new ClusterTarget.Gke(name, project, location.orElse(""));
            }
            case AZURE -> {
                String name = requiredClusterName(o, "the name of the existing AKS cluster");
                Optional<String> rg = o.string("resourceGroup");
                if (rg.isEmpty() && !o.has("resourceGroup")) {
                    problems.add(o.keyOf("resourceGroup"), "required when cloud is azure (the AKS cluster's resource group)",
                            Problems.NOTHING);
                }
                return new ClusterTarget.Aks(name, rg.orElse(""));
            }
            case KUBERNETES -> {
                return new ClusterTarget.Existing(o.string("kubeconfig"), o.string("context"));
            }
            default -> throw new IllegalStateException("unhandled cloud " + cloud);
        }
    }

    private String requiredClusterName(ConfigObject o, String what) {
        Optional<String> name = o.string("name");
        if (name.isEmpty() && !o.has("name")) {
            problems.add(o.keyOf("name"), "required: " + what, Problems.NOTHING);
        }
        return name.orElse("");
    }

    // ---------------------------------------------------------------- redis

    private int readNodes(Cloud cloud, ConfigObject o) {
        int nodes = o.integer("nodes").orElse(3);
        if (o.has("nodes") || nodes != 3) {
            boolean single = nodes == 1 && cloud == Cloud.KUBERNETES;
            if (!single && (nodes < 3 || nodes % 2 == 0)) {
                String rule = cloud == Cloud.KUBERNETES
                        ? "must be odd and at least 3 (or 1 for a development cluster), so the cluster keeps a quorum"
                        : "must be odd and at least 3, so the cluster keeps a quorum (1 is allowed only when cloud is kubernetes)";
                problems.add(o.keyOf("nodes"), rule, String.valueOf(nodes));
            }
        }
        return nodes;
    }

    private RedisSettings readRedis(Cloud cloud, ConfigObject o, int nodes, PodSize size) {
        Quantity memory = size.memory();
        Quantity cpu = size.cpu();
        Optional<Quantity> volume = o.quantity("volumeSize");
        Quantity volumeSize = volume.orElse(memory.times(5));
        if (volume.isPresent() && volume.get().value().compareTo(memory.value().multiply(BigDecimal.valueOf(3))) < 0) {
            problems.add(o.keyOf("volumeSize"),
                    "must be at least 3 x redis.memory (" + memory + "), Redis Enterprise's persistence guidance; 5 x is the default",
                    Problems.quote(volume.get().text()));
        }
        String image = o.string("image").orElse(DEFAULT_IMAGE);
        String namespace = label(o, "namespace", "redis-enterprise", 63);
        String name = label(o, "name", "redis-enterprise", 40);
        AntiAffinity antiAffinity = AntiAffinity.REQUIRED;
        Optional<String> aa = o.string("antiAffinity");
        if (aa.isPresent()) {
            switch (aa.get()) {
                case "required" -> antiAffinity = AntiAffinity.REQUIRED;
                case "preferred" -> {
                    if (cloud == Cloud.KUBERNETES) {
                        antiAffinity = AntiAffinity.PREFERRED;
                    } else {
                        problems.add(o.keyOf("antiAffinity"),
                                "must be required on " + cloud + " (one Redis Enterprise node per VM); preferred is only for development clusters with cloud kubernetes",
                                Problems.quote(aa.get()));
                    }
                }
                default -> problems.add(o.keyOf("antiAffinity"), "must be required or preferred", Problems.quote(aa.get()));
            }
        }
        String bootstrapImage = o.string("bootstrapImage").orElse(DEFAULT_BOOTSTRAP_IMAGE);
        OptionalInt confirm = o.integer("confirmScaleDown");
        if (confirm.isPresent() && confirm.getAsInt() != nodes) {
            problems.add(o.keyOf("confirmScaleDown"), "must equal redis.nodes (" + nodes
                    + ") to confirm a scale-down to that size; remove it once the scale-down is done",
                    String.valueOf(confirm.getAsInt()));
        }
        boolean protect = o.bool("protect").orElse(true);
        return new RedisSettings(nodes, cpu, memory, volumeSize, image, namespace, name, antiAffinity, bootstrapImage,
                confirm, protect);
    }

    private String label(ConfigObject o, String field, String fallback, int maxLength) {
        Optional<String> value = o.string(field);
        if (value.isPresent() && (!DnsNames.isLabel(value.get()) || value.get().length() > maxLength)) {
            problems.add(o.keyOf(field), "must be a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit) of at most "
                    + maxLength + " characters", Problems.quote(value.get()));
        }
        return value.orElse(fallback);
    }

    // ---------------------------------------------------------------- node pool

    private NodePoolSettings readNodePool(Cloud cloud, ConfigObject o, int redisNodes) {
        boolean onCloud = cloud != Cloud.KUBERNETES;
        o.refuseUnless(cloud == Cloud.AWS, "subnetIds", "applies only when cloud is aws");
        o.refuseUnless(cloud == Cloud.AWS, "nodeRoleArn", "applies only when cloud is aws");
        o.refuseUnless(!onCloud, "dedicated", "applies only when cloud is kubernetes; on " + cloud + " the pool is always dedicated");
        String noPool = "applies only when cloud is aws, gcp or azure (this program creates no node pool on an existing cluster)";
        o.refuseUnless(onCloud, "nodesPerZone", noPool);
        o.refuseUnless(onCloud, "diskSizeGb", noPool);
        o.refuseUnless(onCloud, "sparePerZone", noPool);
        o.refuseUnless(onCloud, "daemonSetAllowance", "applies only when cloud is aws, gcp or azure (sizing uses the cloud's published node reservations)");
        o.refuseUnless(cloud == Cloud.AZURE, "maxPods", "applies only when cloud is azure (AKS reserves memory per allowed pod)");

        String name = o.string("name").orElse("redis");
        if (cloud == Cloud.AZURE) {
            if (!name.matches("[a-z][a-z0-9]{0,11}")) {
                problems.add(o.keyOf("name"), "must be 1-12 lowercase letters and digits starting with a letter (AKS agent pool names)",
                        Problems.quote(name));
            }
        } else if (!DnsNames.isLabel(name) || name.length() > 40) {
            problems.add(o.keyOf("name"), "must be a DNS-1123 label of at most 40 characters", Problems.quote(name));
        }

        String machineType = o.string("machineType").orElse(DEFAULT_MACHINE.getOrDefault(cloud, ""));

        Optional<List<String>> zonesGiven = o.stringList("zones");
        boolean zonesMalformed = o.has("zones") && zonesGiven.isEmpty();
        List<String> zones = zonesGiven.orElseGet(() -> cloud == Cloud.AZURE ? List.of("1", "2", "3") : List.of());
        if (zones.isEmpty() && onCloud && !zonesMalformed) {
            problems.add(o.keyOf("zones"), "required when cloud is " + cloud + ": a non-empty list of zones for the pool (e.g. "
                    + exampleZones(cloud) + ")", o.has("zones") ? "[]" : Problems.NOTHING);
        }
        if (new HashSet<>(zones).size() != zones.size()) {
            problems.add(o.keyOf("zones"), "must not repeat a zone", zones.toString());
        }
        if (cloud == Cloud.AZURE && !zones.stream().allMatch(z -> z.matches("[1-3]"))) {
            problems.add(o.keyOf("zones"), "must be Azure availability zone numbers 1, 2 or 3", zones.toString());
        }

        int zoneCount = Math.max(1, zones.size());
        int spare = o.integer("sparePerZone").orElse(0);
        if (spare < 0) {
            problems.add(o.keyOf("sparePerZone"), "must not be negative", String.valueOf(spare));
        }
        OptionalInt perZone = o.integer("nodesPerZone");
        int nodesPerZone = perZone.orElse((redisNodes + zoneCount - 1) / zoneCount + Math.max(0, spare));
        if (perZone.isPresent() && nodesPerZone < 1) {
            problems.add(o.keyOf("nodesPerZone"), "must be at least 1", String.valueOf(nodesPerZone));
        } else if (onCloud && !zones.isEmpty() && nodesPerZone * zones.size() < redisNodes + Math.max(0, spare) * zones.size()) {
            String need = spare > 0 ? "redis.nodes + sparePerZone x zones (" + redisNodes + " + " + spare + " x " + zones.size() + ")"
                    : "redis.nodes (" + redisNodes + ")";
            problems.add(o.keyOf("nodesPerZone"), "nodesPerZone x zones (" + nodesPerZone + " x " + zones.size()
                    + ") must be at least " + need + ": one Redis Enterprise node per VM", String.valueOf(nodesPerZone));
        }

        int diskSizeGb = o.integer("diskSizeGb").orElse(0);
        if (o.has("diskSizeGb") && diskSizeGb < 20) {
            problems.add(o.keyOf("diskSizeGb"), "must be at least 20", String.valueOf(diskSizeGb));
        }
        int maxPods = o.integer("maxPods").orElse(cloud == Cloud.AZURE ? DEFAULT_AKS_MAX_PODS : 0);
        if (cloud == Cloud.AZURE && !NodeAllocatable.acceptsAksMaxPods(maxPods)) {
            problems.add(o.keyOf("maxPods"), "must be between " + NodeAllocatable.AKS_MIN_MAX_PODS + " and "
                    + NodeAllocatable.AKS_MAX_MAX_PODS + " (AKS limits)", String.valueOf(maxPods));
        }

        List<String> subnets = o.stringList("subnetIds").orElse(List.of());
        if (cloud == Cloud.AWS && subnets.size() != zones.size() && !zonesMalformed) {
            problems.add(o.keyOf("subnetIds"), "must list exactly one subnet per zone (" + zones.size() + " zones: " + zones + ")",
                    o.has("subnetIds") ? subnets.toString() : Problems.NOTHING);
        }
        if (cloud == Cloud.AWS && subnets.stream().anyMatch(s -> !s.matches("subnet-[0-9a-f]{8,17}"))) {
            problems.add(o.keyOf("subnetIds"), "must be subnet IDs such as subnet-0123456789abcdef0", subnets.toString());
        }

        Optional<String> roleArn = o.string("nodeRoleArn");
        if (roleArn.isPresent() && !roleArn.get().matches("arn:aws[a-z-]*:iam::[0-9]{12}:role/.+")) {
            problems.add(o.keyOf("nodeRoleArn"), "must be an IAM role ARN such as arn:aws:iam::123456789012:role/eks-node",
                    Problems.quote(roleArn.get()));
        }

        boolean dedicated = o.bool("dedicated").orElse(true);
        return new NodePoolSettings(name, machineType, zones, nodesPerZone, diskSizeGb, subnets, roleArn, dedicated,
                maxPods);
    }

    /** The node boot disk holds Redis Enterprise's ephemeral files: at least twice the pod's memory. */
    private NodePoolSettings bootDisk(ConfigObject o, NodePoolSettings pool, Quantity memory, Cloud cloud) {
        long minimum = BOOT_DISK_MEMORY_FACTOR * memory.ceilGibibytes();
        int disk = pool.diskSizeGb();
        if (cloud != Cloud.KUBERNETES && o.has("diskSizeGb") && disk >= 20 && disk < minimum) {
            problems.add(o.keyOf("diskSizeGb"), "must be at least 2 x redis.memory (" + minimum
                    + " GB for " + memory + ") for Redis Enterprise's ephemeral files", String.valueOf(disk));
        }
        return o.has("diskSizeGb") ? pool : pool.withDiskSizeGb((int) Math.max(MIN_BOOT_DISK_GB, minimum));
    }

    // ---------------------------------------------------------------- sizing

    /** The Redis container size, derived or given and checked, with the report the plan prints. */
    record PodSize(Quantity cpu, Quantity memory, Optional<SizingReport> report) {
    }

    private static final MachineCatalogue CATALOGUE = MachineCatalogue.standard();
    private static final PodSizing POD_SIZING = new PodSizing();

    private PodSize size(Cloud cloud, NodePoolSettings pool, ConfigObject poolObject, ConfigObject redis) {
        Optional<Quantity> cpu = redis.quantity("cpu");
        Optional<Quantity> memory = redis.quantity("memory");
        if (cloud == Cloud.KUBERNETES) {
            // An existing cluster's nodes are not ours to know: explicit sizes, or a small development default.
            return new PodSize(cpu.orElse(Quantity.of("2")), memory.orElse(Quantity.of("4Gi")), Optional.empty());
        }
        Optional<MachineType> machine = CATALOGUE.find(cloud, pool.machineType());
        if (machine.isEmpty()) {
            if (cpu.isEmpty() || memory.isEmpty()) {
                problems.add(poolObject.keyOf("machineType"), "is not in the sizing catalogue for " + cloud
                        + ", so set redis.cpu and redis.memory explicitly (or use one of "
                        + String.join(", ", CATALOGUE.known(cloud).stream().limit(6).toList()) + ", ...)",
                        Problems.quote(pool.machineType()));
            }
            return new PodSize(cpu.orElse(Quantity.of("2")), memory.orElse(Quantity.of("4Gi")), Optional.empty());
        }
        DaemonSetAllowance allowance = allowance(cloud, poolObject);
        // An out-of-range maxPods is already reported; size with the default rather than fail twice.
        int maxPods = cloud == Cloud.AZURE && NodeAllocatable.acceptsAksMaxPods(pool.maxPods())
                ? pool.maxPods() : NodeAllocatable.AKS_DEFAULT_MAX_PODS;
        Allocatable node = new NodeAllocatable(maxPods).compute(machine.get(), allowance);
        RedisPodSize filled;
        try {
            filled = POD_SIZING.fill(node);
        } catch (IllegalArgumentException e) {
            problems.add(poolObject.keyOf("machineType"), "is too small for a Redis Enterprise pod (" + node.breakdown() + ")",
                    Problems.quote(pool.machineType()));
            return new PodSize(cpu.orElse(Quantity.of("1")), memory.orElse(Quantity.of("1Gi")), Optional.empty());
        }
        Quantity finalCpu = cpu.orElse(filled.cpu());
        Quantity finalMemory = memory.orElse(filled.memory());
        PodFit fit = POD_SIZING.fits(node, finalCpu, finalMemory);
        if (!fit.fits()) {
            String key = fit.memoryShortfallMiB() > 0 && memory.isPresent() ? "memory" : "cpu";
            Quantity given = key.equals("memory") ? finalMemory : finalCpu;
            problems.add(redis.keyOf(key), "must fit one " + pool.machineType() + " node with the bootstrap sidecar: "
                    + fit.message() + " Largest that fits: cpu " + filled.cpu() + ", memory " + filled.memory(),
                    Problems.quote(given.text()));
        }
        long podCpu = fit.neededCpuMillicores();
        long podMemory = fit.neededMemoryMiB();
        SizingReport report = new SizingReport(pool.machineType(), machine.get().vcpu(), machine.get().memoryMiB(),
                node.cpuMillicores(), node.memoryMiB(), podCpu, podMemory,
                (double) podMemory / node.memoryMiB(), (double) podCpu / node.cpuMillicores(),
                cpu.isEmpty() && memory.isEmpty(), node.breakdown());
        return new PodSize(finalCpu, finalMemory, Optional.of(report));
    }

    private DaemonSetAllowance allowance(Cloud cloud, ConfigObject poolObject) {
        DaemonSetAllowance standard = DaemonSetAllowance.defaultFor(cloud);
        if (!poolObject.has("daemonSetAllowance")) {
            return standard;
        }
        Optional<Map<String, String>> given = poolObject.stringMap("daemonSetAllowance");
        if (given.isEmpty()) {
            return standard;
        }
        long cpu = standard.cpuMillicores();
        long memory = standard.memoryMiB();
        for (var e : given.get().entrySet()) {
            String key = poolObject.keyOf("daemonSetAllowance") + "." + e.getKey();
            Optional<Quantity> q = Quantity.parse(e.getValue());
            if (!ALLOWANCE_KEYS.contains(e.getKey())) {
                problems.add(key, "unknown key; known keys are cpu, memory", Problems.quote(e.getValue()));
            } else if (q.isEmpty() || q.get().value().signum() < 0) {
                problems.add(key, "must be a non-negative Kubernetes quantity such as 300m or 512Mi", Problems.quote(e.getValue()));
            } else if (e.getKey().equals("cpu")) {
                cpu = q.get().millicores();
            } else {
                memory = q.get().mebibytes();
            }
        }
        return new DaemonSetAllowance(cpu, memory);
    }

    private static String exampleZones(Cloud cloud) {
        return switch (cloud) {
            case AWS -> "[us-east-1a, us-east-1b, us-east-1c]";
            case GCP -> "[europe-west1-b, europe-west1-c, europe-west1-d]";
            default -> "[1, 2, 3]";
        };
    }

    // ---------------------------------------------------------------- storage

    private StorageSettings readStorage(Cloud cloud, ConfigObject o) {
        boolean onCloud = cloud != Cloud.KUBERNETES;
        o.refuseUnless(!onCloud, "existingClassName", "applies only when cloud is kubernetes");
        o.refuseUnless(!onCloud, "provisioner", "applies only when cloud is kubernetes");
        o.refuseUnless(!onCloud, "parameters", "applies only when cloud is kubernetes");
        o.refuseUnless(onCloud, "diskType", "applies only when cloud is aws, gcp or azure; on kubernetes set provisioner and parameters");
        o.refuseUnless(onCloud, "iops", "applies only when cloud is aws, gcp or azure; on kubernetes set it in parameters");
        o.refuseUnless(onCloud, "throughputMiBps", "applies only when cloud is aws, gcp or azure; on kubernetes set it in parameters");
        o.refuseUnless(onCloud, "encryptionKey", "applies only when cloud is aws, gcp or azure; on kubernetes set it in parameters");
        o.refuseUnless(cloud == Cloud.AWS, "installCsiDriver", "applies only when cloud is aws");

        String className = o.string("className").orElse("redis-enterprise-ssd");
        if (!DnsNames.isSubdomain(className)) {
            problems.add(o.keyOf("className"), "must be a DNS-1123 subdomain", Problems.quote(className));
        }
        Optional<String> existing = o.string("existingClassName");
        existing.filter(n -> !DnsNames.isSubdomain(n)).ifPresent(n ->
                problems.add(o.keyOf("existingClassName"), "must be a DNS-1123 subdomain", Problems.quote(n)));
        Optional<String> provisioner = o.string("provisioner");
        Map<String, String> parameters = o.stringMap("parameters").orElse(Map.of());
        if (cloud == Cloud.KUBERNETES) {
            if (existing.isPresent() == provisioner.isPresent()) {
                problems.add(o.keyOf("existingClassName"),
                        "set exactly one of storage.existingClassName (use a class the cluster has) or storage.provisioner (+ parameters) when cloud is kubernetes",
                        existing.isPresent() ? "both" : Problems.NOTHING);
            }
            if (existing.isPresent() && o.has("parameters")) {
                problems.add(o.keyOf("parameters"), "applies only with storage.provisioner", parameters.toString());
            }
            if (existing.isPresent() && o.has("className")) {
                problems.add(o.keyOf("className"), "does not apply with storage.existingClassName", Problems.quote(className));
            }
        }

        List<String> diskTypes = DISK_TYPES.getOrDefault(cloud, List.of(""));
        String diskType = o.string("diskType").orElse(diskTypes.get(0));
        if (onCloud && !diskTypes.contains(diskType)) {
            problems.add(o.keyOf("diskType"), "must be one of " + String.join(", ", diskTypes) + " on " + cloud,
                    Problems.quote(diskType));
        }
        OptionalInt iops = o.integer("iops");
        OptionalInt throughput = o.integer("throughputMiBps");
        if (onCloud && diskTypes.contains(diskType)) {
            DiskLimits limits = DiskLimits.of(cloud, diskType);
            checkRange(o, "iops", iops, limits.iopsMin(), limits.iopsMax(), diskType);
            checkRange(o, "throughputMiBps", throughput, limits.throughputMin(), limits.throughputMax(), diskType);
            if (diskType.equals("io2") && iops.isEmpty()) {
                problems.add(o.keyOf("iops"), "required for disk type io2 (provisioned IOPS, 100 to 256000)", Problems.NOTHING);
            }
        }
        Optional<String> key = o.string("encryptionKey");
        if (key.isPresent()) {
            String k = key.get();
            boolean ok = switch (cloud) {
                case AWS -> k.matches("arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/.+");
                case GCP -> k.matches("projects/[^/]+/locations/[^/]+/keyRings/[^/]+/cryptoKeys/[^/]+");
                case AZURE -> k.matches("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Compute/diskEncryptionSets/[^/]+");
                default -> true;
            };
            if (!ok) {
                problems.add(o.keyOf("encryptionKey"), switch (cloud) {
                    case AWS -> "must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)";
                    case GCP -> "must be a Cloud KMS key (projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>)";
                    default -> "must be a disk encryption set ID (/subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.Compute/diskEncryptionSets/<n>)";
                }, Problems.quote(k));
            }
        }
        boolean installCsi = o.bool("installCsiDriver").orElse(cloud == Cloud.AWS);
        return new StorageSettings(className, existing, onCloud ? diskType : "", iops, throughput, key, provisioner,
                parameters, installCsi);
    }

    private void checkRange(ConfigObject o, String field, OptionalInt value, int min, int max, String diskType) {
        if (value.isEmpty()) {
            return;
        }
        if (max == 0) {
            problems.add(o.keyOf(field), "cannot be set for disk type " + diskType + " (its performance follows its size)",
                    String.valueOf(value.getAsInt()));
        } else if (value.getAsInt() < min || value.getAsInt() > max) {
            problems.add(o.keyOf(field), "must be between " + min + " and " + max + " for disk type " + diskType,
                    String.valueOf(value.getAsInt()));
        }
    }

    // ---------------------------------------------------------------- credentials

    private CredentialSettings readCredentials() {
        String username = scalar(NAMESPACE + ":adminUsername").orElse(DEFAULT_ADMIN_USERNAME);
        if (!username.matches("[^@\\s]+@[^@\\s]+")) {
            problems.add("adminUsername", "must be an email address (Redis Enterprise logs in with one)",
                    Problems.quote(username));
        }
        Optional<ConfigValue> password = source.get(NAMESPACE + ":adminPassword");
        String setIt = "pulumi config set --secret redis-enterprise:adminPassword <password>";
        SecretText adminPassword = new SecretText(PLAN_PLACEHOLDER);
        if (password.isEmpty() || password.get().raw() == null || String.valueOf(password.get().raw()).isEmpty()) {
            if (planning) {
                warnings.add(NAMESPACE + ":adminPassword: not set; planned with a placeholder. Before pulumi up: " + setIt);
            } else {
                problems.add("adminPassword", "required, as a secret: " + setIt, Problems.NOTHING);
            }
        } else if (!password.get().secret()) {
            problems.add("adminPassword", "must be a secret: " + setIt, "a plaintext value");
        } else {
            adminPassword = new SecretText(String.valueOf(password.get().raw()));
            if (adminPassword.reveal().length() < 8) {
                problems.add("adminPassword", "must be at least 8 characters", adminPassword.toString());
            }
        }
        Optional<SecretText> license = Optional.empty();
        Optional<ConfigValue> lic = source.get(NAMESPACE + ":license");
        if (lic.isPresent() && lic.get().raw() != null) {
            if (!lic.get().secret()) {
                problems.add("license", "must be a secret: pulumi config set --secret redis-enterprise:license < license.txt",
                        "a plaintext value");
            } else {
                license = Optional.of(new SecretText(String.valueOf(lic.get().raw())));
            }
        }
        return new CredentialSettings(username, adminPassword, license);
    }

    // ---------------------------------------------------------------- services

    private ServiceSettings readServices(ConfigObject o) {
        String type = o.string("type").orElse(ServiceSettings.CLUSTER_IP);
        if (!type.equals(ServiceSettings.CLUSTER_IP) && !type.equals(ServiceSettings.LOAD_BALANCER)) {
            problems.add(o.keyOf("type"), "must be ClusterIP or LoadBalancer", Problems.quote(type));
        }
        List<String> ranges = o.stringList("loadBalancerSourceRanges").orElse(List.of());
        for (String r : ranges) {
            if (!r.matches("(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}|[0-9a-fA-F:]+/\\d{1,3}")) {
                problems.add(o.keyOf("loadBalancerSourceRanges"), "must be CIDR blocks such as 10.0.0.0/8", Problems.quote(r));
            }
        }
        if (type.equals(ServiceSettings.LOAD_BALANCER) && ranges.isEmpty()) {
            problems.add(o.keyOf("loadBalancerSourceRanges"),
                    "required with services.type LoadBalancer: the CIDRs allowed to reach the admin UI and REST API",
                    Problems.NOTHING);
        }
        if (!type.equals(ServiceSettings.LOAD_BALANCER)) {
            o.refuseUnless(false, "loadBalancerSourceRanges", "applies only with services.type LoadBalancer");
            o.refuseUnless(false, "internal", "applies only with services.type LoadBalancer");
        }
        boolean internal = o.bool("internal").orElse(true);
        return new ServiceSettings(type, ranges, internal);
    }

    // ---------------------------------------------------------------- raw access

    private ConfigObject object(String key) {
        String full = NAMESPACE + ":" + key;
        Optional<ConfigValue> value = source.get(full);
        if (value.isEmpty() || value.get().raw() == null) {
            return new ConfigObject(key, null, problems);
        }
        Object raw = value.get().raw();
        JsonNode node;
        if (raw instanceof String text) {
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                problems.add(key, "must be an object (as JSON in Pulumi config)", Problems.quote(text));
                return new ConfigObject(key, null, problems);
            }
        } else {
            node = JSON.valueToTree(raw);
        }
        if (!node.isObject()) {
            problems.add(key, "must be an object", Problems.show(node));
            return new ConfigObject(key, null, problems);
        }
        return new ConfigObject(key, node, problems);
    }

    private Optional<String> scalar(String fullKey) {
        return source.get(fullKey).map(ConfigValue::raw).map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty());
    }

    private String requiredQualified(String fullKey, String rule) {
        Optional<String> value = scalar(fullKey);
        if (value.isEmpty()) {
            problems.addQualified(fullKey, rule, Problems.NOTHING);
        }
        return value.orElse("");
    }
}
