package io.quotah.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PlainDecimalsTest {

    private final JsonMapper mapper = JsonMapper.builder().addModule(PlainDecimals.module()).build();

    record Measure(BigDecimal number, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal text) {
    }

    @Test
    void writes_tiny_and_round_amounts_without_an_exponent_as_numbers_or_strings_as_shaped() {
        String json = mapper.writeValueAsString(new Measure(new BigDecimal("4.5E-7"), new BigDecimal("1E+3")));

        assertThat(json).isEqualTo("{\"number\":0.00000045,\"text\":\"1000\"}");
    }
}
