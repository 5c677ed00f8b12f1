package estate.application.store;

import com.zaxxer.hikari.HikariDataSource;
import estate.application.config.EstateJson;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading past gaps with {@link IndexedGapQuery} returns exactly what Axon's own statement returns: the gap
 * events that have since been committed, then the range after the token, in global order.
 */
class IndexedGapQueryTest {

    @TempDir
    Path dir;
    private HikariDataSource dataSource;

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void theGapsAndTheRangeAfterTheTokenComeBackInGlobalOrderAsWithAxonsStatement() throws Exception {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + dir.resolve("events") + ";WRITE_DELAY=0");
        JdbcEventStorageEngine indexed = engine(true);
        JdbcEventStorageEngine axons = engine(false);
        try (Connection connection = dataSource.getConnection()) {
            indexed.createSchema(H2EventTableFactory.INSTANCE);
        }
        for (int i = 0; i < 12; i++) {
            indexed.appendEvents(new GenericDomainEventMessage<>("Account", "acc-" + i % 3, i / 3, Map.of("n", i)));
        }
        // a token at 6 that has not seen 2 and 5 yet (their transactions were still open when it passed them)
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(6, List.of(2L, 5L));

        List<String> viaUnion = payloads(indexed, token);

        // event n is at global index n + 1: the gaps 2 and 5, then 7 to 12
        assertThat(viaUnion).containsExactly("{n=1}", "{n=4}", "{n=6}", "{n=7}", "{n=8}", "{n=9}", "{n=10}",
                "{n=11}");
        assertThat(viaUnion).isEqualTo(payloads(axons, token));
    }

    private static List<String> payloads(JdbcEventStorageEngine engine, GapAwareTrackingToken token) {
        return engine.readEvents(token, false).map(TrackedEventMessage::getPayload).map(Object::toString)
                .collect(Collectors.toList());
    }

    private JdbcEventStorageEngine engine(boolean indexedGaps) {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(EstateJson.messageMapper()).build();
        ConnectionProvider connections = dataSource::getConnection;
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer).eventSerializer(serializer)
                .connectionProvider(connections).transactionManager(NoTransactionManager.INSTANCE);
        if (indexedGaps) {
            builder.readEventDataWithGaps(new IndexedGapQuery());
        }
        return builder.build();
    }
}
