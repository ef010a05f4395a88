package io.quotah.alert.spend;

import io.quotah.contracts.pricing.PriceBook;
import io.quotah.contracts.pricing.PriceBookFile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The price book this release ships, the same analytics loads, so budgets count what Analytics shows. */
@Configuration(proxyBeanMethods = false)
class PricingConfiguration {

    @Bean
    PriceBook priceBook() {
        PriceBookFile file = PriceBookFile.shipped();
        return PriceBook.of(file.version(), file.rows());
    }
}
