package estate.application.store;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The JDBC event store of the embedded default (and of PostgreSQL by URL): Axon's own engine, built as its
 * auto-configuration does with one statement replaced ({@link IndexedGapQuery}), the duplicate-key resolver and
 * the tables this class creates at start-up.
 * On Axon Server the engine does not exist and nothing here applies.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class EventStoreConfig {

    private final H2Compactor compactor;

    public EventStoreConfig(DataSource dataSource) {
        this.compactor = new H2Compactor(dataSource);
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, but reading past gaps with {@link IndexedGapQuery}
     * ({@code estate.eventstore.indexed-gap-query}, default true; false only to measure what it buys). Not used on
     * Axon Server.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver resolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          @Value("${estate.eventstore.indexed-gap-query:true}") boolean indexedGaps) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema());
        if (indexedGaps) {
            builder.readEventDataWithGaps(new IndexedGapQuery());
        }
        return builder.build();
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
