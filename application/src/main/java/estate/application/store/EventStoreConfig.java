package estate.application.store;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The JDBC event store of the embedded default (and of PostgreSQL by URL): Axon's own engine from its
 * auto-configuration, with the duplicate-key resolver and the tables this class creates at start-up.
 * On Axon Server the engine does not exist and nothing here applies.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class EventStoreConfig {

    private final H2Compactor compactor;

    public EventStoreConfig(DataSource dataSource) {
        this.compactor = new H2Compactor(dataSource);
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyAwareResolver();
    }

    @Bean
    EventStoreSchema eventStoreSchema(ObjectProvider<EventStorageEngine> engine, DataSource dataSource)
            throws SQLException {
        EventStorageEngine storageEngine = engine.getIfAvailable();
        if (storageEngine instanceof JdbcEventStorageEngine jdbc) {
            jdbc.createSchema(tableFactoryFor(dataSource));
        }
        return new EventStoreSchema();
    }

    /** Compacts the embedded H2 file every {@code estate.h2.compact-interval-ms} (2 s); nothing on PostgreSQL. */
    @Scheduled(fixedDelayString = "${estate.h2.compact-interval-ms:2000}",
            initialDelayString = "${estate.h2.compact-interval-ms:2000}")
    void compactH2() {
        compactor.compact();
    }

    static EventTableFactory tableFactoryFor(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.toLowerCase().contains("postgres")
                    ? PostgresEventTableFactory.INSTANCE
                    : H2EventTableFactory.INSTANCE;
        }
    }

    /** Marker: the event store's tables exist. */
    public static final class EventStoreSchema {
    }
}
