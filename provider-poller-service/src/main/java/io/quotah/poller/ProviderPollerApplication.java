package io.quotah.poller;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Provider connections, the provider adapters, the polling scheduler and usage ingest; publishes snapshots, usage and connection changes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProviderPollerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProviderPollerApplication.class, args);
    }
}
