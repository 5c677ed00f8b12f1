package estate.application.store;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Axon's JDBC engine, which can also read the snapshots and events of many aggregates at once: a bill run's batch
 * of a hundred accounts then costs two queries instead of two or three per account ({@link #prefetch}).
 * <p>
 * What a prefetch read serves the loads of those aggregates on the same thread until {@link #clear}: Axon's own
 * code still picks the snapshot, upcasts and deserializes. It is what the store held when it was read. If another
 * command appends to one of the aggregates after that, the aggregate is loaded one version behind, and its next
 * event collides with the stored one on (aggregate, sequence number): the unit of work fails with a concurrency
 * conflict and stores nothing, as with any concurrent change. So a prefetch must end before the unit of work
 * commits: Axon's snapshotter, which runs after the commit on the same thread, must read the store itself.
 */
public class PrefetchingJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactionManager;
    private final ThreadLocal<Map<String, Prefetched>> prefetched = new ThreadLocal<>();

    /** @param transactionManager the one the builder was given */
    PrefetchingJdbcEventStorageEngine(Builder builder, TransactionManager transactionManager) {
        super(builder);
        this.transactionManager = transactionManager;
    }

    /**
     * Reads the snapshots and the events of these aggregates, one query each, in the current transaction. The loads
     * of these aggregates on this thread are served from what was read, until {@link #clear()}.
     */
    public void prefetch(Collection<String> aggregateIdentifiers) {
        List<String> ids = List.copyOf(aggregateIdentifiers);
        Map<String, Prefetched> read = new HashMap<>();
        ids.forEach(id -> read.put(id, new Prefetched(new ArrayList<>(), new ArrayList<>())));
        if (!ids.isEmpty()) {
            EventSchema schema = schema();
            String aggregate = schema.aggregateIdentifierColumn();
            String sequence = schema.sequenceNumberColumn();
            String in = aggregate + " IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
            transactionManager.executeInTransaction(() -> {
                // as Axon reads one aggregate: its snapshots newest first ...
                for (DomainEventData<?> snapshot : query("SELECT " + schema.domainEventFields() + " FROM "
                        + schema.snapshotTable() + " WHERE " + in + " ORDER BY " + aggregate + ", " + sequence
                        + " DESC", ids, true)) {
                    read.get(snapshot.getAggregateIdentifier()).snapshots().add(snapshot);
                }
                // ... and its events after its latest snapshot, oldest first
                for (DomainEventData<?> event : query("SELECT " + schema.trackedEventFields() + " FROM "
                        + schema.domainEventTable() + " e WHERE e." + in + " AND e." + sequence + " > COALESCE("
                        + "(SELECT MAX(s." + sequence + ") FROM " + schema.snapshotTable() + " s WHERE s." + aggregate
                        + " = e." + aggregate + "), -1) ORDER BY e." + aggregate + ", e." + sequence, ids, false)) {
                    read.get(event.getAggregateIdentifier()).events().add(event);
                }
            });
        }
        prefetched.set(read);
    }

    /** Ends this thread's prefetch: its aggregates are read from the store again. */
    public void clear() {
        prefetched.remove();
    }

    private List<? extends DomainEventData<?>> query(String sql, List<String> ids, boolean snapshots) {
        return JdbcUtils.executeQuery(getConnection(), connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    for (int i = 0; i < ids.size(); i++) {
                        statement.setString(i + 1, ids.get(i));
                    }
                    return statement;
                }, JdbcUtils.listResults(snapshots ? this::getSnapshotData : this::getDomainEventData),
                e -> new EventStoreException("Failed to read the events of " + ids.size() + " aggregates", e));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Prefetched read = prefetchedFor(aggregateIdentifier);
        return read == null ? super.readSnapshotData(aggregateIdentifier) : read.snapshots().stream();
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        Prefetched read = prefetchedFor(aggregateIdentifier);
        // The prefetch has the events after the latest snapshot, all of them from the first it found. Axon asks for
        // earlier ones when it does not use that snapshot (the filter refused it, or a newer one was stored between
        // the two queries): those, and an aggregate of which nothing was found, are read from the store.
        if (read == null || read.events().isEmpty()
                || firstSequenceNumber < read.events().get(0).getSequenceNumber()) {
            return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        }
        // the window Axon's own statement reads: sequence numbers from the first, fewer than the batch size of them
        return read.events().stream().filter(event -> event.getSequenceNumber() >= firstSequenceNumber
                && event.getSequenceNumber() < firstSequenceNumber + batchSize).toList();
    }

    private Prefetched prefetchedFor(String aggregateIdentifier) {
        Map<String, Prefetched> read = prefetched.get();
        return read == null ? null : read.get(aggregateIdentifier);
    }

    private record Prefetched(List<DomainEventData<?>> snapshots, List<DomainEventData<?>> events) {
    }
}
