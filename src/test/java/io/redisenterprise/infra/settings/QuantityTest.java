package io.redisenterprise.infra.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest
    @CsvSource({"4Gi,4294967296", "500m,0.5", "2,2", "1.5,1.5", "1k,1000", "1M,1000000", "1Ki,1024", "1e3,1000",
            "2E2,200", "1Ei,1152921504606846976"})
    void parsesTheKubernetesGrammar(String text, String value) {
        assertThat(Quantity.of(text).value()).isEqualByComparingTo(new BigDecimal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4GB", "Gi", "1.2.3", "four", "", "4 Gi", "1iB"})
    void refusesWhatKubernetesRefuses(String text) {
        assertThat(Quantity.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"8Gi,5,40Gi", "1500Mi,3,5Gi"})
    void multipliesToWholeGibibytes(String text, long factor, String expected) {
        assertThat(Quantity.of(text).times(factor).text()).isEqualTo(expected);
    }
}
