package io.quotah.platform.web;

import io.quotah.contracts.serde.PlainDecimals;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JacksonModule;

/** Every API answer writes money and measures as plain decimals, as the events do, never as {@code 4.5E-7}. */
@AutoConfiguration
public class PlainDecimalsAutoConfiguration {

    @Bean
    JacksonModule plainDecimals() {
        return PlainDecimals.module();
    }
}
