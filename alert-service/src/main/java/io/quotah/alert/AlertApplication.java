package io.quotah.alert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Alert rules, their evaluation, alert history; publishes AlertRaised. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlertApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertApplication.class, args);
    }
}
