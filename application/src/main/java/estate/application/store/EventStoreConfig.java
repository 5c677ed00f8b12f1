package estate.application.store;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
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
import java.util.List;

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

    /** Events per query: an aggregate's window of sequence numbers, a tracking processor's batch. Axon's default. */
    static final int BATCH_SIZE = 100;

    /**
     * Axon's JDBC engine as its auto-configuration builds it, but reading past gaps with {@link IndexedGapQuery}
     * ({@code estate.eventstore.indexed-gap-query}, default true; false only to measure what it buys) and an
     * aggregate's events without a last, empty query ({@link #engine}); bill runs read a batch's accounts
     * at once ({@link PrefetchingJdbcEventStorageEngine}). Not used on Axon Server.
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
        return engine(builder, transactionManager);
    }

    /**
     * The engine from the builder: it reads a bill run's batch of accounts at once
     * ({@link PrefetchingJdbcEventStorageEngine}), and an aggregate's events without a last, empty query.
     * <p>
     * Loading an aggregate reads its events by windows of sequence numbers ({@code >= n AND < n + 100}). Axon's JDBC
     * engine reads windows until one comes back empty, in case an aggregate's numbers have gaps (Axon #911): every
     * load of an account that has fewer than 100 events since its snapshot costs a third query that finds nothing.
     * Here they have no gaps: the log is append-only, nothing is ever deleted from it, and every event is numbered by
     * its aggregate, one after the other. So a window that comes back not full and without a gap is the last.
     * A window with a gap in it is read on from, as Axon does.
     *
     * @param transactionManager the builder's
     */
    static PrefetchingJdbcEventStorageEngine engine(JdbcEventStorageEngine.Builder builder,
                                                    TransactionManager transactionManager) {
        return new PrefetchingJdbcEventStorageEngine(builder.batchSize(BATCH_SIZE)
                .finalAggregateBatchPredicate(EventStoreConfig::isLastWindow), transactionManager);
    }

    static boolean isLastWindow(List<? extends DomainEventData<?>> window) {
        if (window.isEmpty()) {
            return true;
        }
        long first = window.get(0).getSequenceNumber();
        long last = window.get(window.size() - 1).getSequenceNumber();
        return window.size() < BATCH_SIZE && last - first + 1 == window.size();
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
