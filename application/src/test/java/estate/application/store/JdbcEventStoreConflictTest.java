package estate.application.store;

import com.zaxxer.hikari.HikariDataSource;
import estate.application.config.EstateJson;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC event store on H2 2.x: the H2 table factory creates the schema, and a second append at the same
 * aggregate sequence surfaces as Axon's {@link ConcurrencyException} (Axon's own resolver misses H2's
 * duplicate key inside a BatchUpdateException and reports a generic {@link EventStoreException}).
 */
class JdbcEventStoreConflictTest {

    @TempDir
    Path dir;
    private HikariDataSource dataSource;

    @BeforeEach
    void openStore() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + dir.resolve("events") + ";WRITE_DELAY=0");
    }

    @AfterEach
    void closeStore() {
        dataSource.close();
    }

    @Test
    void aSecondAppendAtTheSameSequenceIsAConcurrencyConflict() {
        JdbcEventStorageEngine engine = engine(new DuplicateKeyAwareResolver());
        engine.appendEvents(event("acc-1", 0, "opened"));
        engine.appendEvents(event("acc-1", 1, "first"));

        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 1, "second")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("acc-1").asStream().map(e -> e.getPayload().toString()).toList())
                .containsExactly("{text=opened}", "{text=first}");
    }

    @Test
    void creatingAnAggregateWhoseIdIsTakenIsReportedAsSuch() {
        JdbcEventStorageEngine engine = engine(new DuplicateKeyAwareResolver());
        engine.appendEvents(event("acc-3", 0, "first"));

        assertThatThrownBy(() -> engine.appendEvents(event("acc-3", 0, "again")))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void axonsDefaultResolverWouldReportAGenericStoreFailure() {
        JdbcEventStorageEngine engine = engine(new JdbcSQLErrorCodesResolver());
        engine.appendEvents(event("acc-2", 0, "opened"));
        engine.appendEvents(event("acc-2", 1, "first"));

        assertThatThrownBy(() -> engine.appendEvents(event("acc-2", 1, "second")))
                .isInstanceOf(EventStoreException.class)
                .isNotInstanceOf(ConcurrencyException.class);
    }

    private JdbcEventStorageEngine engine(PersistenceExceptionResolver resolver) {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EstateJson.messageMapper()).build();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(resolver)
                .build();
        engine.createSchema(H2EventTableFactory.INSTANCE);
        return engine;
    }

    private static GenericDomainEventMessage<Map<String, String>> event(String aggregate, long sequence, String text) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, Map.of("text", text));
    }
}
