package io.redisenterprise.infra.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 4Gi}, {@code 1.5}), kept as the user wrote it and as
 * an exact number of base units (cores or bytes), following the Kubernetes quantity grammar.
 */
public record Quantity(String text, BigDecimal value) implements Comparable<Quantity> {
    private static final Pattern GRAMMAR =
            Pattern.compile("^([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$");
    private static final BigDecimal KI = BigDecimal.valueOf(1024);
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", KI),
            Map.entry("Mi", KI.pow(2)),
            Map.entry("Gi", KI.pow(3)),
            Map.entry("Ti", KI.pow(4)),
            Map.entry("Pi", KI.pow(5)),
            Map.entry("Ei", KI.pow(6)));
    private static final BigDecimal GIB = KI.pow(3);
    private static final BigDecimal MIB = KI.pow(2);
    /**
     * The largest amount a Kubernetes quantity holds, in its base unit (bytes, cores): apimachinery's
     * {@code resource.ParseQuantity} caps a larger binary-suffixed quantity at this value without an error ("The max
     * is just a simple cap", k8s.io/apimachinery/pkg/api/resource/quantity.go, maxAllowed = 2^63-1), and the int64
     * accessors the scheduler and kubelet read ({@code Value}, {@code AsInt64}) hold no more.
     */
    public static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    /** The rule a quantity beyond {@link #MAX} breaks, for refusals. */
    public static final String TOO_LARGE =
            "is far too large: a Kubernetes quantity holds at most 2^63-1 of its base unit (about 8Ei bytes of memory, 9.2e18 cores of CPU)";

    public static Optional<Quantity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2);
        BigDecimal multiplier;
        if (suffix == null) {
            multiplier = BigDecimal.ONE;
        } else if (suffix.matches("[eE][+-]?[0-9]+")) {
            // Kubernetes reads the exponent as a 32-bit number; a longer one is not a quantity at all.
            if (suffix.replaceAll("[^0-9]", "").length() > 9) {
                return Optional.empty();
            }
            multiplier = BigDecimal.ONE.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        } else {
            multiplier = SUFFIXES.get(suffix);
        }
        return Optional.of(new Quantity(text.trim(), number.multiply(multiplier)));
    }

    public static Quantity of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a Kubernetes quantity: " + text));
    }

    /** A memory or storage quantity of whole mebibytes, written the way Kubernetes users write it. */
    public static Quantity ofMebibytes(long mebibytes) {
        if (mebibytes % 1024 == 0) {
            return of((mebibytes / 1024) + "Gi");
        }
        return of(mebibytes + "Mi");
    }

    /** A CPU quantity of whole millicores. */
    public static Quantity ofMillicores(long millicores) {
        return millicores % 1000 == 0 ? of(String.valueOf(millicores / 1000)) : of(millicores + "m");
    }

    /** Whether Kubernetes stores this amount as written: at most {@link #MAX} of its base unit. */
    public boolean representable() {
        return value.abs().compareTo(MAX) <= 0;
    }

    /**
     * A hint when a memory or storage size was written without a binary suffix or with {@code m} (milli), which
     * Kubernetes reads as bytes: "32 is 32 bytes: did you mean 32Gi?", "500m is 0.5 bytes: did you mean 500Mi?".
     */
    public Optional<String> bytesHint() {
        if (text.matches("\\+?[0-9]+(\\.[0-9]+)?")) {
            return Optional.of(text + " is " + value.stripTrailingZeros().toPlainString() + " bytes: did you mean " + text + "Gi?");
        }
        if (text.matches("\\+?[0-9]+(\\.[0-9]+)?m")) {
            return Optional.of(text + " is " + value.stripTrailingZeros().toPlainString() + " bytes (m is milli): did you mean "
                    + text.substring(0, text.length() - 1) + "Mi?");
        }
        return Optional.empty();
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public Quantity times(long factor) {
        BigDecimal bytes = value.multiply(BigDecimal.valueOf(factor));
        BigDecimal gib = bytes.divide(GIB, 0, RoundingMode.CEILING);
        return of(gib.toPlainString() + "Gi");
    }

    public double gibibytes() {
        return value.divide(GIB, 3, RoundingMode.HALF_UP).doubleValue();
    }

    public long mebibytes() {
        return value.divide(MIB, 0, RoundingMode.FLOOR).longValueExact();
    }

    public long millicores() {
        return value.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Whole gibibytes, rounded up (cloud disks are sized in GiB). */
    public long ceilGibibytes() {
        return value.divide(GIB, 0, RoundingMode.CEILING).longValueExact();
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
