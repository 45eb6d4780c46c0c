package io.redisenterprise.infra.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the program receives for a number written in a stack file, so that the plan reads the value {@code pulumi up}
 * hands over, digit for digit. The chain on the Pulumi side, read in the sources:
 * <ol>
 *   <li>The CLI decodes each config value into {@code any} with Go's {@code gopkg.in/yaml.v3}
 *       (pulumi/pulumi {@code sdk/go/common/resource/config/object.go} @v3.259.0, {@code (*object).UnmarshalYAML}).
 *       yaml.v3 resolves a plain scalar in {@code resolve.go} ({@code resolve}): an integer is tried with
 *       {@code strconv.ParseInt(s, 0, 64)} (Go's base prefixes, so {@code 017} is octal 15), then
 *       {@code ParseUint}; what is neither but matches {@code yamlStyleFloat} is parsed with
 *       {@code strconv.ParseFloat(s, 64)} into a {@code float64}, the nearest double. When {@code ParseFloat}
 *       fails, as it does with {@code ErrRange} for a literal beyond the double range ({@code 1e400}; golang/go
 *       {@code src/strconv/atof.go}, {@code ParseFloat}: "returns f = ±Inf, err.Err = ErrRange"), the scalar
 *       stays <b>the string as typed</b>. A literal too small for a double becomes 0 without an error.</li>
 *   <li>The value is written for the program with Go's {@code encoding/json} ({@code object.go},
 *       {@code MarshalString} and {@code MarshalJSON}): an object or list as JSON text, and a top-level
 *       boolean or number as its JSON text too (a string for the program). {@code encoding/json} writes a
 *       {@code float64} in its shortest round-trip digits, in exponent form below 1e-6 and from 1e21 on, with a
 *       single-digit negative exponent unpadded (golang/go {@code src/encoding/json/encode.go},
 *       {@code floatEncoder.encode}): {@code 4.0} → {@code 4}, {@code 1e20} → {@code 100000000000000000000},
 *       {@code 1e21} → {@code 1e+21}, {@code 1e-7} → {@code 1e-7}.</li>
 *   <li>The program parses object JSON with decimals kept exact ({@code ConfigDocument}): an integer literal is an
 *       integer, anything with a fraction or an exponent a {@code BigDecimal}.</li>
 * </ol>
 * So a YAML float in an object arrives as the number that step 2's text denotes (an {@link Integer}, {@link Long},
 * {@link BigInteger} or {@link BigDecimal} here), or as the typed text when it overflows. {@code .inf} and
 * {@code .nan} stay doubles: {@code encoding/json} refuses them ("unsupported value"), so {@code pulumi up} stops
 * before the program runs, while the plan reports them as infinite.
 */
final class PulumiNumbers {
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    /** yaml.v3's {@code yamlStyleFloat} (resolve.go); the YAML 1.2 core schema's float pattern is the same. */
    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    /**
     * The syntax of Go's {@code strconv.ParseInt(s, 0, 64)}, range aside: a sign, then {@code 0b}, {@code 0o} or
     * {@code 0x} and digits of that base (either case), a leading {@code 0} with octal digits, or a decimal.
     */
    private static final Pattern GO_INTEGER =
            Pattern.compile("[-+]?(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)");

    private PulumiNumbers() {
    }

    /**
     * Whether yaml.v3 reads a plain scalar as an integer or a float where the YAML 1.2 core schema reads a string:
     * yaml.v3 ({@code resolve.go}, {@code resolve}, hints {@code 'D'} and {@code 'S'}) takes a scalar that starts with
     * a digit or a sign, removes every {@code _} ({@code strings.Replace(in, "_", "", -1)}), then tries
     * {@code ParseInt(plain, 0, 64)}, {@code ParseUint}, {@code yamlStyleFloat} and the {@code 0b}/{@code 0o} forms.
     * So {@code 1_000} is 1000, {@code 0b101} is 5 and {@code 0X1F} is 31 for {@code pulumi up}.
     *
     * @return {@code "int"}, {@code "float"}, or empty when the core schema's own resolution stands
     */
    static java.util.Optional<String> goScalarKind(String value) {
        if (value.isEmpty() || "+-0123456789".indexOf(value.charAt(0)) < 0) {
            return java.util.Optional.empty();
        }
        String plain = value.replace("_", "");
        if (GO_INTEGER.matcher(plain).matches()) {
            return java.util.Optional.of("int");
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            return java.util.Optional.of("float");
        }
        return java.util.Optional.empty();
    }

    /** A scalar resolved as a float, underscores removed as yaml.v3 does ({@link #goScalarKind}); see {@link #yamlFloat(String)}. */
    static Object yamlFloatAsTyped(String typed) {
        Object value = yamlFloat(typed.replace("_", ""));
        return value instanceof String ? typed : value;
    }

    /** A scalar the YAML 1.2 core schema resolves as a float ({@code 1.5}, {@code 1e400}, {@code .inf}). */
    static Object yamlFloat(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".nan")) {
            return Double.NaN;
        }
        if (lower.endsWith(".inf")) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            return text; // ParseFloat's ErrRange: yaml.v3 keeps the scalar as a string
        }
        return jsonNumber(goJsonFloat(d));
    }

    /**
     * A scalar resolved as an integer ({@link #goScalarKind}: Go's {@code ParseInt(s, 0, 64)} syntax once underscores
     * are removed; {@code 42}, {@code 1_000}, {@code 0x2A}, {@code 0o52}, {@code 0b101}, {@code 017}), as yaml.v3
     * reads it: in int64 or uint64 range it stays; a decimal beyond becomes a float64 (or its text as typed when even
     * that overflows); a prefixed or octal one beyond stays the text as typed.
     */
    static Object yamlInt(String typed) {
        String plain = typed.replace("_", "");
        boolean negative = plain.startsWith("-");
        String unsigned = plain.replaceFirst("^[-+]", "");
        BigInteger magnitude;
        if (unsigned.length() > 2 && unsigned.charAt(0) == '0' && "bBoOxX".indexOf(unsigned.charAt(1)) >= 0) {
            int radix = switch (Character.toLowerCase(unsigned.charAt(1))) {
                case 'b' -> 2;
                case 'o' -> 8;
                default -> 16;
            };
            magnitude = new BigInteger(unsigned.substring(2), radix);
        } else if (unsigned.length() > 1 && unsigned.charAt(0) == '0') {
            magnitude = new BigInteger(unsigned.substring(1), 8);
        } else {
            magnitude = new BigInteger(unsigned);
        }
        Object value = inGoRange(negative ? magnitude.negate() : magnitude, plain);
        return value instanceof String ? typed : value;
    }

    private static Object inGoRange(BigInteger value, String text) {
        // ParseUint takes no sign, so a '+' in front of a number beyond int64 sends yaml.v3 on to ParseFloat.
        boolean fits = value.compareTo(INT64_MIN) >= 0 && (value.bitLength() < 64
                || value.signum() > 0 && value.compareTo(UINT64_MAX) <= 0 && !text.startsWith("+"));
        if (fits) {
            return narrow(value);
        }
        return YAML_STYLE_FLOAT.matcher(text).matches() ? yamlFloat(text) : text;
    }

    /**
     * The JSON text Go's {@code encoding/json} writes for a finite {@code float64}: the shortest decimal that reads
     * back as {@code d} (the closest such one when several have that length, as {@code strconv.FormatFloat} with
     * precision -1 picks), fixed-point for 1e-6 ≤ |d| &lt; 1e21, otherwise {@code d[.ddd]e±x}.
     */
    static String goJsonFloat(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("encoding/json has no text for " + d);
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal shortest = shortest(d);
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return shortest.toPlainString();
        }
        String unscaled = shortest.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - shortest.scale();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        // strconv pads the exponent to two digits; encoding/json takes the padding off a negative one ("e-7").
        String exp = exponent < 0 ? "-" + (-exponent) : "+" + (exponent < 10 ? "0" + exponent : exponent);
        return (d < 0 ? "-" : "") + mantissa + "e" + exp;
    }

    /** Shortest round-trip digits, stripped of trailing zeros. Double.toString is not always shortest on Java 17. */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == d) {
                return nearest.stripTrailingZeros();
            }
            // At a power of two the interval that reads back as d is narrower below than above: the nearest
            // candidate can miss while the one on the other side still reads back.
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal other = exact.round(new MathContext(digits, mode));
                if (other.doubleValue() == d) {
                    return other.stripTrailingZeros();
                }
            }
        }
        return exact.round(MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** A JSON number as the program's JSON reader returns it: an integer when it has no fraction or exponent. */
    static Object jsonNumber(String json) {
        if (json.indexOf('.') < 0 && json.indexOf('e') < 0 && json.indexOf('E') < 0) {
            return narrow(new BigInteger(json));
        }
        return new BigDecimal(json);
    }

    private static Object narrow(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value;
    }

    /**
     * The text Pulumi hands the program for a top-level boolean or number ({@code MarshalString}: its JSON text),
     * or the value itself for anything else.
     */
    static Object topLevel(Object value) {
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof BigDecimal b) {
            return goJsonFloat(b.doubleValue());
        }
        return value;
    }
}
