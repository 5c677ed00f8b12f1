package estate.application.owners;

import com.mongodb.client.MongoClient;
import estate.application.support.ApplicationTest;
import estate.projections.billing.StatementProjection;
import estate.projections.owners.AccountBalanceProjection;
import estate.projections.owners.OwnerDirectoryProjection;
import estate.projections.support.WriteBuffer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batched read-model writes ({@link WriteBuffer}): a processing batch holding several events of one account
 * builds exactly the read model that one-at-a-time delivery builds, and delivering a batch again, whole or split
 * differently, changes nothing.
 */
class BatchedProjectionWritesTest extends ApplicationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    MongoClient client;
    @Autowired
    MongoConverter converter;

    @Test
    void aBatchOfOneAccountsEventsBuildsWhatOneAtATimeDeliveryBuilds() {
        List<EventMessage<?>> events = busyAccountEvents();
        assertThat(events.size()).isGreaterThanOrEqualTo(8);

        MongoTemplate oneByOne = database();
        deliverOneAtATime(oneByOne, events);
        MongoTemplate batched = database();
        deliverAsBatch(batched, events);

        Map<String, List<Document>> expected = contents(oneByOne);
        assertThat(expected.get("account_balances")).hasSize(1);
        assertThat(expected.get("ledger_entries")).hasSize(events.size() - 1);
        assertThat(contents(batched)).isEqualTo(expected);

        deliverAsBatch(batched, events);
        assertThat(contents(batched)).as("the same batch delivered again").isEqualTo(expected);
        deliverAsBatch(batched, events.subList(2, events.size()));
        deliverAsBatch(batched, events.subList(0, 3));
        assertThat(contents(batched)).as("parts of it delivered again").isEqualTo(expected);
        deliverOneAtATime(batched, events);
        assertThat(contents(batched)).as("each event delivered again, one at a time").isEqualTo(expected);
    }

    @Test
    void aBatchRedeliveredAfterAnEarlierPartialDeliveryCompletesTheReadModel() {
        List<EventMessage<?>> events = busyAccountEvents();
        MongoTemplate oneByOne = database();
        deliverOneAtATime(oneByOne, events);

        MongoTemplate partial = database();
        deliverAsBatch(partial, events.subList(0, 4));
        // the processor stored no token: the next delivery starts at the first event again, in a larger batch
        deliverAsBatch(partial, events);

        assertThat(contents(partial)).isEqualTo(contents(oneByOne));
    }

    /**
     * A batch of several accounts' events, interleaved: the buffer reads the accounts' stored documents in one query
     * when the batch first asks for one (on the second and later deliveries they exist), and the read models are
     * still exactly what one-at-a-time delivery builds, however the batches are cut.
     */
    @Test
    void aBatchOfSeveralAccountsEventsBuildsWhatOneAtATimeDeliveryBuilds() {
        List<List<EventMessage<?>>> accounts = List.of(busyAccountEvents(true), busyAccountEvents(true),
                busyAccountEvents(true));
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; accounts.stream().anyMatch(a -> !a.isEmpty()); i = (i + 1) % accounts.size()) {
            if (!accounts.get(i).isEmpty()) {
                events.add(accounts.get(i).remove(0));
            }
        }
        MongoTemplate oneByOne = database();
        deliverOneAtATime(oneByOne, events);
        Map<String, List<Document>> expected = contents(oneByOne);
        assertThat(expected.get("account_balances")).hasSize(3);
        assertThat(expected.get("account_statements")).hasSize(3);
        assertThat(expected.get("owner_directory")).hasSize(3)
                .allSatisfy(entry -> assertThat(entry.getString("name")).isEqualTo("Batch Owner Renamed"));

        MongoTemplate batched = database();
        deliverAsBatch(batched, events.subList(0, 7));
        deliverAsBatch(batched, events.subList(5, 16));
        assertThat(contents(batched)).as("the first 16 events").isEqualTo(contents(prefix(events, 16)));
        deliverAsBatch(batched, events);
        assertThat(contents(batched)).isEqualTo(expected);
        deliverAsBatch(batched, events);
        assertThat(contents(batched)).as("the same batch delivered again").isEqualTo(expected);
    }

    /**
     * The buffer writes the shared documents (increments) before the documents that follow one aggregate, whatever
     * order the batch touched them in: a write of the shared ones that fails leaves the others unwritten, so an
     * aggregate's document is never ahead of what the shared documents counted of it.
     */
    @Test
    void theSharedDocumentsAreWrittenBeforeTheAggregatesOwnDocuments() {
        MongoTemplate mongo = database();
        mongo.insert(new Document("_id", "shared").append("total", "not a number"), "shared_totals");
        WriteBuffer.Increments failing = () -> new Update().inc("total", 1);
        WriteBuffer.Increments counting = () -> new Update().inc("total", 1);

        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second")));
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.of(WriteBuffer.flushAtEndOfBatch()), message -> {
            WriteBuffer writes = WriteBuffer.of(mongo);
            if (message.getPayload().equals("first")) {
                writes.save("account-1", 3, new Owned("account-1", 3));
                writes.insertOnce("line-1", new Line("line-1"));
                writes.increments("counter", SharedTotal.class, () -> counting);
            } else {
                writes.increments("shared", SharedTotal.class, () -> failing);
            }
            return null;
        }).proceed());

        assertThat(batch.getExecutionResult().isExceptionResult()).as("the shared document's write failed").isTrue();
        assertThat(mongo.getCollection("owned_documents").countDocuments()).as("not written").isZero();
        assertThat(mongo.getCollection("owned_lines").countDocuments()).as("not written").isZero();
        assertThat(mongo.findById("counter", Document.class, "shared_totals")).as("same bulk write as the failing")
                .isNotNull();
    }

    @org.springframework.data.mongodb.core.mapping.Document("owned_documents")
    record Owned(String id, long lastSequence) {
    }

    @org.springframework.data.mongodb.core.mapping.Document("owned_lines")
    record Line(String id) {
    }

    @org.springframework.data.mongodb.core.mapping.Document("shared_totals")
    record SharedTotal(String id, int total) {
    }

    private MongoTemplate prefix(List<EventMessage<?>> events, int count) {
        MongoTemplate mongo = database();
        deliverOneAtATime(mongo, events.subList(0, count));
        return mongo;
    }

    private List<EventMessage<?>> busyAccountEvents() {
        return busyAccountEvents(false);
    }

    /** Charges and payments; {@code directoryChanges}: also a portal login and a change of contact details. */
    private List<EventMessage<?>> busyAccountEvents(boolean directoryChanges) {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Batch"), unitNumber(), "95.50");
        String account = given.account(SUNRISE, "OWNER", "Batch Owner", "13200000001", unit, null);
        if (directoryChanges) {
            api.ok("manager", "/api/accounts/" + account + "/portal-user", """
                    {"portalUser":"batch-%s"}""".formatted(UUID.randomUUID()));
            assertThat(api.put("manager", "/api/accounts/" + account + "/contact", """
                    {"name":"Batch Owner Renamed","phone":"13200000002"}""").status()).isEqualTo(204);
        }
        given.charge(account, "267.40", "2026-10");
        given.charge(account, "267.40", "2026-11");
        given.payment(account, "300.00", "R-BATCH-1");
        given.charge(account, "267.40", "2026-12");
        given.payment(account, "500.00", "R-BATCH-2");
        List<EventMessage<?>> events = new ArrayList<>(eventually(
                () -> eventStore.readEvents(account, 0).asStream().toList(), list -> list.size() >= 8));
        return events;
    }

    private MongoTemplate database() {
        return new MongoTemplate(new SimpleMongoClientDatabaseFactory(client,
                "batch_" + UUID.randomUUID().toString().replace("-", "")), converter);
    }

    private static List<AnnotationEventHandlerAdapter> projections(MongoTemplate mongo) {
        return List.of(new AnnotationEventHandlerAdapter(new AccountBalanceProjection(mongo)),
                new AnnotationEventHandlerAdapter(new StatementProjection(mongo)),
                new AnnotationEventHandlerAdapter(new OwnerDirectoryProjection(mongo)));
    }

    /** No unit of work: every write goes straight to MongoDB, as the processors did before batching. */
    private static void deliverOneAtATime(MongoTemplate mongo, List<EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            handle(projections(mongo), event);
        }
    }

    /** One batching unit of work with the flush interceptor, as a tracking processor runs a batch. */
    private static void deliverAsBatch(MongoTemplate mongo, List<EventMessage<?>> events) {
        List<AnnotationEventHandlerAdapter> adapters = projections(mongo);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(events));
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.of(WriteBuffer.flushAtEndOfBatch()), message -> {
            handle(adapters, message);
            return null;
        }).proceed());
        assertThat(batch.getExecutionResult().isExceptionResult()).isFalse();
    }

    private static void handle(List<AnnotationEventHandlerAdapter> adapters, EventMessage<?> event) {
        try {
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(event)) {
                    adapter.handle(event);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<Document>> contents(MongoTemplate mongo) {
        Map<String, List<Document>> contents = new LinkedHashMap<>();
        for (String collection : new java.util.TreeSet<>(mongo.getCollectionNames())) {
            contents.put(collection, mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")),
                    Document.class, collection));
        }
        return contents;
    }
}
