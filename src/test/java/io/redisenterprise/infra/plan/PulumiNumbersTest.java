package io.redisenterprise.infra.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Numbers reach the program as {@code pulumi up} hands them over: yaml.v3's float64, written by Go's
 * {@code encoding/json}, or the typed text where yaml.v3 keeps a string.
 */
class PulumiNumbersTest {

    @Test
    void floatsAreWrittenAsGoEncodingJsonWritesThem() {
        // Expected texts: Go's encoding/json (floatEncoder): shortest digits, exponent below 1e-6 and from 1e21.
        assertThat(PulumiNumbers.goJsonFloat(4.0)).isEqualTo("4");
        assertThat(PulumiNumbers.goJsonFloat(0.1)).isEqualTo("0.1");
        assertThat(PulumiNumbers.goJsonFloat(-2.5)).isEqualTo("-2.5");
        assertThat(PulumiNumbers.goJsonFloat(-0.0)).isEqualTo("-0");
        assertThat(PulumiNumbers.goJsonFloat(0.000001)).isEqualTo("0.000001");
        assertThat(PulumiNumbers.goJsonFloat(1e-7)).isEqualTo("1e-7");
        assertThat(PulumiNumbers.goJsonFloat(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(PulumiNumbers.goJsonFloat(1e-100)).isEqualTo("1e-100");
        assertThat(PulumiNumbers.goJsonFloat(1e20)).isEqualTo("100000000000000000000");
        assertThat(PulumiNumbers.goJsonFloat(1e21)).isEqualTo("1e+21");
        assertThat(PulumiNumbers.goJsonFloat(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(PulumiNumbers.goJsonFloat(Double.MIN_VALUE)).isEqualTo("5e-324");
        // Java 17's Double.toString gives 2.82879384806159008E17 here; the shortest digits are 282879384806159.
        assertThat(PulumiNumbers.goJsonFloat(2.82879384806159E17)).isEqualTo("282879384806159000");
        // A power of two, where the interval that reads back is narrower below than above.
        assertThat(PulumiNumbers.goJsonFloat(Math.pow(2, -1022))).isEqualTo("2.2250738585072014e-308");
    }

    @Test
    void aFloatBeyondTheDoubleRangeStaysTheTextTyped() {
        // yaml.v3: strconv.ParseFloat fails with ErrRange, so resolve() returns the scalar as a string.
        assertThat(PulumiNumbers.yamlFloat("1e400")).isEqualTo("1e400");
        assertThat(PulumiNumbers.yamlFloat("-1.5E+400")).isEqualTo("-1.5E+400");
        // Too small is 0, without an error, in Go as in Java.
        assertThat(PulumiNumbers.yamlFloat("1e-400")).isEqualTo(0);
    }

    @Test
    void aFloatIsTheNumberItsJsonTextDenotes() {
        assertThat(PulumiNumbers.yamlFloat("4.0")).isEqualTo(4);
        assertThat(PulumiNumbers.yamlFloat("1.5")).isEqualTo(new BigDecimal("1.5"));
        assertThat(PulumiNumbers.yamlFloat(".5")).isEqualTo(new BigDecimal("0.5"));
        assertThat(PulumiNumbers.yamlFloat("1e21")).isEqualTo(new BigDecimal("1e+21"));
        assertThat(PulumiNumbers.yamlFloat("1e20")).isEqualTo(new BigInteger("100000000000000000000"));
        assertThat(PulumiNumbers.yamlFloat(".inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PulumiNumbers.yamlFloat("-.Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) PulumiNumbers.yamlFloat(".NaN")).isNaN();
    }

    @Test
    void integersFollowGoParseIntThenParseUintThenParseFloat() {
        assertThat(PulumiNumbers.yamlInt("42")).isEqualTo(42);
        assertThat(PulumiNumbers.yamlInt("5000000000")).isEqualTo(5000000000L);
        assertThat(PulumiNumbers.yamlInt("0x10")).isEqualTo(16);
        assertThat(PulumiNumbers.yamlInt("0X1F")).isEqualTo(31);
        assertThat(PulumiNumbers.yamlInt("0o52")).isEqualTo(42);
        assertThat(PulumiNumbers.yamlInt("-0b101")).isEqualTo(-5);
        // Go's base prefix 0: a leading zero is octal.
        assertThat(PulumiNumbers.yamlInt("017")).isEqualTo(15);
        BigInteger uint64Max = new BigInteger("18446744073709551615");
        assertThat(PulumiNumbers.yamlInt("18446744073709551615")).isEqualTo(uint64Max);
        // ParseUint takes no sign: with '+' the same digits go to ParseFloat.
        assertThat(PulumiNumbers.yamlInt("+18446744073709551615")).isEqualTo(new BigInteger("18446744073709552000"));
        assertThat(PulumiNumbers.yamlInt("99999999999999999999")).isEqualTo(new BigInteger("100000000000000000000"));
        String huge = "1" + "0".repeat(400);
        assertThat(PulumiNumbers.yamlInt(huge)).isEqualTo(huge);
        assertThat(PulumiNumbers.yamlInt("0x1FFFFFFFFFFFFFFFFF")).isEqualTo("0x1FFFFFFFFFFFFFFFFF");
        // yaml.v3 removes every underscore first; a value beyond every range stays the text as typed.
        assertThat(PulumiNumbers.yamlInt("1_000")).isEqualTo(1000);
        assertThat(PulumiNumbers.yamlInt("0x1F_FFFF_FFFF_FFFF_FFFF")).isEqualTo("0x1F_FFFF_FFFF_FFFF_FFFF");
    }

    @Test
    void scalarsStartingWithADigitOrSignAreReadAsYamlV3ReadsThem() {
        // resolve.go: hints 'D' and 'S', underscores removed, ParseInt(s, 0, 64), then yamlStyleFloat.
        assertThat(PulumiNumbers.goScalarKind("1_000")).contains("int");
        assertThat(PulumiNumbers.goScalarKind("0b101")).contains("int");
        assertThat(PulumiNumbers.goScalarKind("+0x1F")).contains("int");
        assertThat(PulumiNumbers.goScalarKind("1_000.5")).contains("float");
        // A leading zero with an 8 or 9 is no octal: ParseFloat reads the decimal.
        assertThat(PulumiNumbers.goScalarKind("019")).contains("float");
        assertThat(PulumiNumbers.yamlFloatAsTyped("019")).isEqualTo(19);
        assertThat(PulumiNumbers.yamlFloatAsTyped("1_0e400")).isEqualTo("1_0e400");
        // Anything else is left to the core schema: strings, .inf, dates, a lone sign.
        assertThat(PulumiNumbers.goScalarKind("0b")).isEmpty();
        assertThat(PulumiNumbers.goScalarKind("1_a")).isEmpty();
        assertThat(PulumiNumbers.goScalarKind(".inf")).isEmpty();
        assertThat(PulumiNumbers.goScalarKind("2026-12-07")).isEmpty();
        assertThat(PulumiNumbers.goScalarKind("-")).isEmpty();
        assertThat(PulumiNumbers.goScalarKind("r6i.xlarge")).isEmpty();
    }

    @Test
    void topLevelBooleansAndNumbersAreTheirJsonText() {
        // object.go MarshalString: bool, int64, uint64 and float64 are handed over as their JSON text.
        assertThat(PulumiNumbers.topLevel(true)).isEqualTo("true");
        assertThat(PulumiNumbers.topLevel(5)).isEqualTo("5");
        assertThat(PulumiNumbers.topLevel(new BigDecimal("1e+21"))).isEqualTo("1e+21");
        assertThat(PulumiNumbers.topLevel(new BigDecimal("1.5"))).isEqualTo("1.5");
        assertThat(PulumiNumbers.topLevel("1e400")).isEqualTo("1e400");
    }
}
