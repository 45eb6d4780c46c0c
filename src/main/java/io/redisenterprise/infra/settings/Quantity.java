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
