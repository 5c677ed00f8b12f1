package estate.application.store;

import com.zaxxer.hikari.HikariDataSource;
import estate.application.config.EstateJson;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC event store on H2 2.x: the H2 table factory creates the schema, and a second append at the same
 * aggregate sequence surfaces as Axon's {@link ConcurrencyException} (Axon's own resolver misses H2's
 * duplicate key inside a BatchUpdateException and reports a generic {@link EventStoreException}). An aggregate's
 * events are read without a last, empty query, except where its numbers have a gap. A prefetch reads many
 * aggregates in two queries and serves their loads on its thread.
 */
class JdbcEventStoreTest {

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
        JdbcEventStorageEngine engine = openedWithFirstEvent(new DuplicateKeyAwareResolver(), "acc-1");

        assertThatThrownBy(() -> engine.appendEvents(event("acc-1", 1, "second")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("acc-1").asStream().map(e -> e.getPayload().toString()).toList())
                .containsExactly("{text=opened}", "{text=first}");
    }

    /** An engine with {@code resolver} whose store holds {@code aggregateId}'s events 0 ("opened") and 1 ("first"). */
    private JdbcEventStorageEngine openedWithFirstEvent(PersistenceExceptionResolver resolver, String aggregateId) {
        JdbcEventStorageEngine engine = engine(resolver);
        engine.appendEvents(event(aggregateId, 0, "opened"));
        engine.appendEvents(event(aggregateId, 1, "first"));
        return engine;
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
        JdbcEventStorageEngine engine = openedWithFirstEvent(new JdbcSQLErrorCodesResolver(), "acc-2");

        assertThatThrownBy(() -> engine.appendEvents(event("acc-2", 1, "second")))
                .isInstanceOf(EventStoreException.class)
                .isNotInstanceOf(ConcurrencyException.class);
    }

    @Test
    void anAggregatesEventsAreReadInOneQueryPerWindowWithoutALastEmptyOne() {
        JdbcEventStorageEngine engine = engine(new DuplicateKeyAwareResolver(), true);
        LongStream.range(0, 3).forEach(n -> engine.appendEvents(event("acc-4", n, "e" + n)));
        LongStream.range(0, 250).forEach(n -> engine.appendEvents(event("acc-5", n, "e" + n)));

        assertThat(readCounting(engine::readEvents, "acc-4")).containsExactly(3, 1); // events; statements: one window
        assertThat(readCounting(engine::readEvents, "acc-5")).containsExactly(250, 3); // windows of 100, 100, 50
        assertThat(readCounting(engine::readEvents, "acc-404")).containsExactly(0, 1);
    }

    @Test
    void axonsOwnEngineReadsOnUntilAWindowComesBackEmpty() {
        JdbcEventStorageEngine engine = engine(new DuplicateKeyAwareResolver(), false);
        LongStream.range(0, 3).forEach(n -> engine.appendEvents(event("acc-4", n, "e" + n)));

        assertThat(readCounting(engine::readEvents, "acc-4")).containsExactly(3, 2);
    }

    @Test
    void aWindowWithAGapInItIsReadOnFrom() {
        JdbcEventStorageEngine engine = engine(new DuplicateKeyAwareResolver(), true);
        for (long n : new long[]{0, 1, 2, 50, 51, 120, 121}) {
            engine.appendEvents(event("acc-6", n, "e" + n));
        }

        assertThat(engine.readEvents("acc-6").asStream().map(e -> e.getSequenceNumber()).toList())
                .containsExactly(0L, 1L, 2L, 50L, 51L, 120L, 121L);
        // [0,100) has gaps, so on from 52; [52,152) comes back not full and without a gap: the last
        assertThat(readCounting(engine::readEvents, "acc-6")).containsExactly(7, 2);
    }

    @Test
    void aPrefetchServesTheLoadsOfItsAggregatesOnItsThreadWithoutAQuery() throws Exception {
        PrefetchingJdbcEventStorageEngine engine = (PrefetchingJdbcEventStorageEngine) engine(
                new DuplicateKeyAwareResolver());
        // loads as a repository loads: the latest snapshot, then the events after it
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            LongStream.range(0, 3).forEach(n -> engine.appendEvents(event("acc-7", n, "e" + n)));
            LongStream.range(0, 5).forEach(n -> engine.appendEvents(event("acc-8", n, "e" + n)));
            engine.storeSnapshot(event("acc-8", 2, "snapshot at 2"));
            List<String> fromTheStore = payloads(store.readEvents("acc-8"));
            assertThat(readCounting(store::readEvents, "acc-7")).containsExactly(3, 2); // the snapshot, one window

            int before = statements.size();
            engine.prefetch(List.of("acc-7", "acc-8", "acc-404"));
            assertThat(statements.size() - before).isEqualTo(2);

            assertThat(readCounting(store::readEvents, "acc-7")).containsExactly(3, 0);
            assertThat(readCounting(store::readEvents, "acc-8")).containsExactly(3, 0);
            assertThat(payloads(store.readEvents("acc-8"))).isEqualTo(fromTheStore)
                    .containsExactly("{text=snapshot at 2}", "{text=e3}", "{text=e4}");
            // nothing found: its events are read from the store
            assertThat(readCounting(store::readEvents, "acc-404")).containsExactly(0, 1);
            // from before the prefetched events (a load that does not use the snapshot): read from the store
            assertThat(engine.readEvents("acc-8", 0).asStream().map(e -> e.getSequenceNumber()).toList())
                    .containsExactly(0L, 1L, 2L, 3L, 4L);
            // another thread reads the store
            CompletableFuture<List<Integer>> elsewhere = CompletableFuture.supplyAsync(
                    () -> readCounting(store::readEvents, "acc-7"));
            assertThat(elsewhere.get()).containsExactly(3, 2);

            engine.clear();
            assertThat(readCounting(store::readEvents, "acc-7")).containsExactly(3, 2);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void anAggregateChangedAfterThePrefetchIsLoadedOneVersionBehindAndItsNextEventCollides() {
        PrefetchingJdbcEventStorageEngine engine = (PrefetchingJdbcEventStorageEngine) engine(
                new DuplicateKeyAwareResolver());
        LongStream.range(0, 3).forEach(n -> engine.appendEvents(event("acc-9", n, "e" + n)));
        engine.prefetch(List.of("acc-9"));
        engine.appendEvents(event("acc-9", 3, "by another command"));

        List<Long> loaded = engine.readEvents("acc-9").asStream().map(e -> e.getSequenceNumber()).toList();

        assertThat(loaded).containsExactly(0L, 1L, 2L);
        assertThatThrownBy(() -> engine.appendEvents(event("acc-9", 3, "the charge")))
                .isInstanceOf(ConcurrencyException.class);
        engine.clear();
        assertThat(payloads(engine.readEvents("acc-9"))).containsExactly("{text=e0}", "{text=e1}", "{text=e2}",
                "{text=by another command}");
    }

    private static List<String> payloads(DomainEventStream events) {
        return events.asStream().map(e -> e.getPayload().toString()).toList();
    }

    /** The events of the aggregate read, and the statements the read prepared. */
    private List<Integer> readCounting(Function<String, DomainEventStream> read, String aggregate) {
        int before = statements.size();
        int events = (int) read.apply(aggregate).asStream().count();
        return List.of(events, statements.size() - before);
    }

    private final List<String> statements = new ArrayList<>();

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        statements.add((String) args[0]);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private JdbcEventStorageEngine engine(PersistenceExceptionResolver resolver) {
        return engine(resolver, true);
    }

    private JdbcEventStorageEngine engine(PersistenceExceptionResolver resolver, boolean asConfigured) {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EstateJson.messageMapper()).build();
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder();
        builder.connectionProvider(() -> counting(dataSource.getConnection()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(resolver);
        JdbcEventStorageEngine engine = asConfigured
                ? EventStoreConfig.engine(builder, NoTransactionManager.INSTANCE) : builder.build();
        engine.createSchema(H2EventTableFactory.INSTANCE);
        return engine;
    }

    private static GenericDomainEventMessage<Map<String, String>> event(String aggregate, long sequence, String text) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, Map.of("text", text));
    }
}
