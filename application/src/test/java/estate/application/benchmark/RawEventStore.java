package estate.application.benchmark;

import estate.application.store.H2Compactor;
import estate.application.store.H2EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.h2.jdbcx.JdbcDataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event store's own ceilings, by plain JDBC on the same H2 file settings as the app
 * ({@code WRITE_DELAY=0;RETENTION_TIME=0}, the same table DDL, the same compactor every 2 s): single-row appends
 * per second from n threads, each row its own commit, and the plain sequential read of a stored log.
 */
final class RawEventStore {

    /** The H2 URL of the app's embedded default for a data dir (see application.yml). */
    static String url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("eventstore")
                + ";WRITE_DELAY=0;RETENTION_TIME=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }

    private static final byte[] PAYLOAD = """
            {"accountId":"acc-000000000000000000000000001","estateId":"bench-e1","chargeId":\
            "ch-0000000000000000000000000000001","feeItem":"PROPERTY_FEE","period":"2026-11","amount":\
            {"amount":"312.45","currency":"CNY"},"dueDate":"2027-06-30","unitId":null,"description":\
            "Benchmark charge","billRunId":null}""".getBytes(StandardCharsets.UTF_8);
    private static final byte[] METADATA = """
            {"userId":"finance","role":"FINANCE","correlationId":"0f8fad5b-d9cb-469f-a165-70867728950e",\
            "idempotencyKey":"7c9e6679-7425-40de-944b-e07fc1f90ae7","causationId":\
            "16fd2706-8baf-433b-82eb-8c7fada847da","traceId":"16fd2706-8baf-433b-82eb-8c7fada847da"}"""
            .getBytes(StandardCharsets.UTF_8);

    private RawEventStore() {
    }

    /** Appends rows for {@code seconds} from {@code threads} threads; returns appends per second. */
    static double appendsPerSecond(Path dataDir, int threads, double seconds) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url(dataDir));
        dataSource.setUser("sa");
        try (Connection connection = dataSource.getConnection()) {
            H2EventTableFactory.INSTANCE.createDomainEventTable(connection, EventSchema.builder().build())
                    .execute();
        } catch (java.sql.SQLException exists) {
            // the table is there from an earlier round
        }
        H2Compactor compactor = new H2Compactor(dataSource);
        ScheduledExecutorService compacting = Executors.newSingleThreadScheduledExecutor();
        compacting.scheduleWithFixedDelay(compactor::compact, 2, 2, TimeUnit.SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong appended = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (Connection connection = dataSource.getConnection();
                         PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                                 + "(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, "
                                 + "payloadType, payloadRevision, payload, metaData) VALUES (?,?,?,?,?,?,?,?,?)")) {
                        connection.setAutoCommit(true);
                        String aggregate = UUID.randomUUID().toString();
                        long sequence = 0;
                        while (System.nanoTime() < end) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, aggregate);
                            insert.setLong(3, sequence++);
                            insert.setString(4, "OwnerAccount");
                            insert.setString(5, Instant.now().toString());
                            insert.setString(6, "estate.domain.owners.OwnerAccountEvent$FeeCharged");
                            insert.setString(7, "1");
                            insert.setBytes(8, PAYLOAD);
                            insert.setBytes(9, METADATA);
                            insert.executeUpdate();
                            appended.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
            compacting.shutdownNow();
        }
        return appended.get() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Reads every stored event row in global order, touching every column; returns rows per second. */
    static double[] streamRead(Path dataDir) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url(dataDir));
        dataSource.setUser("sa");
        long rows = 0;
        long bytes = 0;
        long t0 = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT globalIndex, eventIdentifier, "
                     + "aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, "
                     + "metaData FROM DomainEventEntry ORDER BY globalIndex")) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getString(2);
                    rs.getString(3);
                    rs.getLong(4);
                    rs.getString(5);
                    rs.getString(6);
                    rs.getString(7);
                    rs.getString(8);
                    bytes += rs.getBytes(9).length + rs.getBytes(10).length;
                    rows++;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new double[]{rows / seconds, rows, bytes};
    }
}
