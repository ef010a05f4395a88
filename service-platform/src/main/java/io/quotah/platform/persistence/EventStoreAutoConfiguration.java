package io.quotah.platform.persistence;

import io.quotah.platform.events.EventsProperties;
import io.quotah.platform.inbox.ProcessedEvents;
import io.quotah.platform.outbox.Outbox;
import io.quotah.platform.outbox.OutboxRelay;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database side of events: the platform tables (outbox, processed events) migrated before the
 * service's own, the outbox and its relay, and the processed-event ledger with its pruning.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
public class EventStoreAutoConfiguration {

    static final String SCHEMA = "platform";

    private static final Logger log = LoggerFactory.getLogger(EventStoreAutoConfiguration.class);

    /**
     * Platform tables live in a schema of their own ({@value #SCHEMA}) with their own migration history, so
     * they never collide with the service's {@code db/migration} scripts in {@code public}.
     */
    @Bean
    FlywayMigrationStrategy platformTablesFirst() {
        return flyway -> {
            Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .schemas(SCHEMA)
                    .defaultSchema(SCHEMA)
                    .createSchemas(true)
                    .locations("classpath:db/platform")
                    .load()
                    .migrate();
            flyway.migrate();
        };
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService eventStoreScheduler() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("event-store").daemon().factory());
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc) {
        return new Outbox(jdbc);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            KafkaTemplate<String, Object> eventKafkaTemplate, ScheduledExecutorService eventStoreScheduler,
            EventsProperties events) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions), eventKafkaTemplate,
                eventStoreScheduler, events.outboxPollInterval(), events.outboxBatchSize());
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc, ScheduledExecutorService eventStoreScheduler,
            EventsProperties events) {
        ProcessedEvents ledger = new ProcessedEvents(jdbc);
        eventStoreScheduler.scheduleWithFixedDelay(() -> {
            try {
                int forgotten = ledger.forgetOlderThan(events.processedEventRetention());
                log.debug("forgot {} processed event ids", forgotten);
            } catch (RuntimeException e) {
                log.warn("pruning processed events failed, will retry: {}", e.toString());
            }
        }, 1, 60, TimeUnit.MINUTES);
        return ledger;
    }
}
