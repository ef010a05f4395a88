package io.quotah.analytics.pricing;

import io.quotah.contracts.pricing.PriceBook;
import io.quotah.contracts.pricing.PriceBookFile;
import io.quotah.analytics.config.AnalyticsProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Loads the price book file into its tables at start and costs usage with what the tables then hold. */
@Configuration(proxyBeanMethods = false)
class PriceBookConfiguration {

    @Bean
    PriceBook priceBook(PriceBookTable table, AnalyticsProperties properties, ResourceLoader resources) {
        Resource file = resources.getResource(properties.priceBook());
        try (InputStream in = file.getInputStream()) {
            return table.load(PriceBookFile.parse(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the price book " + properties.priceBook(), e);
        }
    }
}
