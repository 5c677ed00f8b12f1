package estate.application.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code _id}-led queries and secondary indexes of {@link IndexedMemoryBackend} and of the file backend
 * ({@link IndexedFileBackend}) give exactly the answers of the stock memory backend (which scans): the same
 * documents found, the same updates applied or refused by the sequence guard.
 */
class IndexedMemoryBackendTest {

    @TempDir
    Path files;

    /** The two backends of the embedded server, by the name {@code estate.mongo.embedded-store} gives them. */
    private de.bwaldvogel.mongo.MongoBackend indexedBackend(String store) {
        return "file".equals(store) ? IndexedFileBackend.open(files.resolve("store-" + servers.size() + ".mv.db"), 4, 20)
                : new IndexedMemoryBackend();
    }

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();
    private final List<MongoCollection<Document>> collections = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void guardedUpdatesFindsAndCountsAnswerAsTheScanningBackendDoes(String store) {
        MongoCollection<Document> indexed = collection(indexedBackend(store));
        MongoCollection<Document> scanning = collection(new MemoryBackend());
        for (MongoCollection<Document> c : List.of(indexed, scanning)) {
            for (int i = 0; i < 50; i++) {
                c.insertOne(new Document("_id", "acc-" + i).append("estateId", "e" + i % 3)
                        .append("lastSequence", (long) i).append("balance", i));
            }
        }
        List<Function<MongoCollection<Document>, Object>> operations = List.of(
                // the sequence guard: applies (7 < 100), refused (8 is not < 8), and a missing id
                c -> c.updateOne(guard("acc-7", 100), Updates.set("balance", -7)).getModifiedCount(),
                c -> c.updateOne(guard("acc-8", 8), Updates.set("balance", -8)).getModifiedCount(),
                c -> c.updateOne(guard("acc-999", 5), Updates.set("balance", 1)).getModifiedCount(),
                c -> c.find(Filters.and(Filters.eq("_id", "acc-7"), Filters.eq("estateId", "e1")))
                        .into(new ArrayList<>()),
                c -> c.find(Filters.and(Filters.eq("_id", "acc-7"), Filters.eq("estateId", "e2")))
                        .into(new ArrayList<>()),
                c -> c.find(Filters.and(Filters.in("_id", "acc-1", "acc-2", "acc-4", "acc-404"),
                        Filters.gt("balance", 1))).into(new ArrayList<>()),
                c -> c.countDocuments(Filters.eq("estateId", "e0")),
                c -> c.find(Filters.eq("_id", "acc-8")).into(new ArrayList<>()),
                c -> c.deleteOne(Filters.and(Filters.eq("_id", "acc-9"), Filters.lt("lastSequence", 3)))
                        .getDeletedCount(),
                c -> c.deleteOne(Filters.and(Filters.eq("_id", "acc-9"), Filters.lt("lastSequence", 30)))
                        .getDeletedCount(),
                c -> c.countDocuments());
        assertSameAnswers(indexed, scanning, operations);
        assertThat(indexed.find(Filters.eq("_id", "acc-7")).first().getInteger("balance")).isEqualTo(-7);
        assertThat(indexed.find(Filters.eq("_id", "acc-8")).first().getInteger("balance")).isEqualTo(8);
        assertThat(indexed.countDocuments()).isEqualTo(49);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void guardedReplacesAnswerAsTheScanningBackendDoes(String store) {
        List<MongoCollection<Document>> pair = indexedAndScanning(store, 20, i -> new Document("_id", "r-" + i)
                .append("estateId", "e" + i % 3).append("number", i).append("lastSequence", (long) i)
                .append("lines", List.of(new Document("amount", i))));
        MongoCollection<Document> indexed = pair.get(0);
        MongoCollection<Document> scanning = pair.get(1);
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        List<Function<MongoCollection<Document>, Object>> operations = List.of(
                // applies (3 < 10): moves to another estate and changes a nested list
                c -> replace(c, projectionGuard("r-3", 10), account("r-3", "e2", 3, 10), upsert),
                // the guard refuses (5 is not < 5): with upsert, MongoDB answers a duplicate key; without, nothing
                c -> replace(c, projectionGuard("r-5", 5), account("r-5", "e9", 5, 5), upsert),
                c -> replace(c, projectionGuard("r-5", 5), account("r-5", "e9", 5, 5), new ReplaceOptions()),
                // absent: inserted by the upsert, then replaced
                c -> replace(c, projectionGuard("r-404", 1), account("r-404", "e1", 404, 1), upsert),
                c -> replace(c, projectionGuard("r-404", 2), account("r-404", "e0", 404, 2), upsert),
                // the same document again: matched, not modified
                c -> replace(c, projectionGuard("r-7", 100), c.find(Filters.eq("_id", "r-7")).first(), upsert),
                // a replacement without _id keeps the stored one
                c -> replace(c, projectionGuard("r-8", 100), withoutId(account("r-8", "e1", 8, 100)), upsert),
                // another _id, or a unique value another document holds: refused, and nothing changes
                c -> replace(c, projectionGuard("r-9", 100), account("r-99", "e1", 9, 100), upsert),
                c -> replace(c, projectionGuard("r-10", 100), account("r-10", "e1", 11, 100), upsert),
                c -> c.find(Filters.eq("estateId", "e2")).sort(new Document("_id", 1)).into(new ArrayList<>()),
                c -> c.find(Filters.eq("estateId", "e0")).sort(new Document("_id", 1)).into(new ArrayList<>()),
                c -> c.find(Filters.eq("number", 10)).into(new ArrayList<>()),
                c -> c.find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        assertSameAnswers(indexed, scanning, operations);
        assertThat(indexed.find(Filters.eq("_id", "r-3")).first()).isEqualTo(account("r-3", "e2", 3, 10));
        assertThat(indexed.find(Filters.eq("_id", "r-5")).first().getString("estateId")).isEqualTo("e2");
        assertThat(indexed.find(Filters.eq("_id", "r-8")).first().getLong("lastSequence")).isEqualTo(100L);
        assertThat(indexed.find(Filters.eq("_id", "r-10")).first().getLong("lastSequence")).isEqualTo(10L);
        assertThat(indexed.countDocuments(Filters.eq("estateId", "e0"))).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void updatesByOperatorsAnswerAsTheScanningBackendDoes(String store) {
        List<MongoCollection<Document>> pair = indexedAndScanning(store, 6, i -> new Document("_id", "f-" + i)
                .append("estateId", "e" + i % 2).append("number", i)
                .append("billed", new Decimal128(new BigDecimal("10.00")))
                .append("applied", new Document("a1", 1L).append("a2", 2L))
                .append("dues", new Document("2025-01-01", new Document("amount", 5).append("accounts", 1)))
                .append("tags", List.of("x", "y", "z")).append("lines", List.of(new Document("amount", i))));
        MongoCollection<Document> indexed = pair.get(0);
        MongoCollection<Document> scanning = pair.get(1);
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        List<Function<MongoCollection<Document>, Object>> operations = List.of(
                // a period document's increments: sums, a new and an existing marker, a new nested sum
                c -> update(c, Filters.eq("_id", "f-1"), Updates.combine(Updates.set("estateId", "e1"),
                        Updates.inc("billed", new Decimal128(new BigDecimal("2.50"))), Updates.set("applied.a2", 7L),
                        Updates.set("applied.a3", 3L), Updates.inc("dues.2025-01-01.amount", 4),
                        Updates.inc("dues.2025-02-01.amount", 1), Updates.setOnInsert("created", true)), upsert),
                // the same again on the result: the new document shares what it did not change
                c -> update(c, Filters.eq("_id", "f-1"), Updates.combine(Updates.inc("applied.a3", 1L),
                        Updates.unset("dues.2025-01-01"), Updates.max("number", 40)), upsert),
                // arrays, which $pull, $pop and $addToSet change in place
                c -> update(c, Filters.eq("_id", "f-2"), Updates.combine(Updates.pull("tags", "y"),
                        Updates.addToSet("applied.list", "q"), Updates.push("lines", new Document("amount", 9))),
                        upsert),
                c -> update(c, Filters.eq("_id", "f-3"), Updates.popFirst("tags"), upsert),
                // refused by the unique index after the operators ran on the copy: nothing changes
                c -> update(c, Filters.eq("_id", "f-4"), Updates.combine(Updates.pull("tags", "x"),
                        Updates.set("applied.a1", 99L), Updates.set("number", 5)), upsert),
                // a guard in the selector: met, then refused (with upsert MongoDB answers a duplicate key)
                c -> update(c, new Document("_id", "f-5").append("applied.a1", new Document("$lt", 5L)),
                        Updates.set("applied.a1", 5L), upsert),
                c -> update(c, new Document("_id", "f-5").append("applied.a1", new Document("$lt", 5L)),
                        Updates.set("applied.a1", 6L), upsert),
                c -> update(c, new Document("_id", "f-5").append("applied.a1", new Document("$lt", 5L)),
                        Updates.set("applied.a1", 6L), new UpdateOptions()),
                // nothing to change: matched, not modified
                c -> update(c, Filters.eq("_id", "f-0"), Updates.combine(Updates.set("estateId", "e0"),
                        Updates.min("number", 0)), upsert),
                // absent: the upsert inserts, with $setOnInsert
                c -> update(c, Filters.eq("_id", "f-404"), Updates.combine(Updates.inc("billed", 3),
                        Updates.setOnInsert("created", true)), upsert),
                // updates of many named by _id (Spring Data's bulk upsert): present, guarded and refused, absent
                c -> update(c, Filters.eq("_id", "f-1"), Updates.combine(Updates.inc("billed", 1),
                        Updates.set("applied.a4", 4L)), upsert, true),
                c -> update(c, new Document("_id", "f-5").append("applied.a1", new Document("$lt", 5L)),
                        Updates.set("applied.a1", 6L), upsert, true),
                c -> update(c, Filters.eq("_id", "f-405"), Updates.inc("billed", 2), upsert, true),
                // errors: a non-number incremented, _id changed, conflicting paths, through an array
                c -> update(c, Filters.eq("_id", "f-0"), Updates.inc("estateId", 1), upsert),
                c -> update(c, Filters.eq("_id", "f-0"), Updates.set("_id", "g"), upsert),
                c -> update(c, Filters.eq("_id", "f-0"), Updates.combine(Updates.set("dues.2025-01-01", 1),
                        Updates.inc("dues.2025-01-01.amount", 1)), upsert),
                c -> update(c, Filters.eq("_id", "f-0"), Updates.inc("lines.0.amount", 3), upsert),
                c -> c.find(Filters.eq("estateId", "e1")).sort(new Document("_id", 1)).into(new ArrayList<>()),
                c -> c.find(Filters.eq("number", 40)).into(new ArrayList<>()),
                c -> c.find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        assertSameAnswers(indexed, scanning, operations);
        assertThat(indexed.find(Filters.eq("_id", "f-1")).first()).isEqualTo(new Document("_id", "f-1")
                .append("estateId", "e1").append("number", 40)
                .append("billed", new Decimal128(new BigDecimal("13.50")))
                .append("applied", new Document("a1", 1L).append("a2", 7L).append("a3", 4L).append("a4", 4L))
                .append("dues", new Document("2025-02-01", new Document("amount", 1)))
                .append("tags", List.of("x", "y", "z")).append("lines", List.of(new Document("amount", 1))));
        assertThat(indexed.find(Filters.eq("_id", "f-4")).first().get("tags")).isEqualTo(List.of("x", "y", "z"));
        assertThat(indexed.find(Filters.eq("_id", "f-0")).first().get("lines"))
                .isEqualTo(List.of(new Document("amount", 3)));
    }

    @Test
    void aMultiUpdateNamedByIdIsDoneDirectlyAndSharesWhatItDidNotChange() {
        IndexedFileBackend backend = IndexedFileBackend.open(files.resolve("direct.mv.db"), 4, 20);
        MongoCollection<Document> collection = collection(backend);
        collection.insertOne(new Document("_id", "bench|2026-12|2").append("billed", 10)
                .append("applied", new Document("a1", 1L)).append("paid", new Document("PROPERTY_FEE", 5)));
        // the stored documents themselves (mongo-java-server's, not the driver's)
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored = backend.getMvStore().openMap("databases.test.docs");
        Object paid = stored.get("bench|2026-12|2").get("paid");

        // as Spring Data's BulkOperations.upsert sends it: an update of many, with upsert
        UpdateResult result = collection.updateMany(Filters.eq("_id", "bench|2026-12|2"),
                Updates.combine(Updates.inc("billed", 3), Updates.set("applied.a2", 2L)),
                new UpdateOptions().upsert(true));

        assertThat(List.of(result.getMatchedCount(), result.getModifiedCount())).isEqualTo(List.of(1L, 1L));
        assertThat(collection.find().first()).isEqualTo(new Document("_id", "bench|2026-12|2").append("billed", 13)
                .append("applied", new Document("a1", 1L).append("a2", 2L))
                .append("paid", new Document("PROPERTY_FEE", 5)));
        // the general path clones the stored document deeply; the direct one shares what the update did not touch
        Object now = stored.get("bench|2026-12|2").get("paid");
        assertThat(now).isSameAs(paid);
    }

    /** The outcome of an update: matched, modified and upserted id, or the error's code. */
    private static Object update(MongoCollection<Document> collection, Bson selector, Bson update,
                                 UpdateOptions options) {
        return update(collection, selector, update, options, false);
    }

    /** As {@link #update(MongoCollection, Bson, Bson, UpdateOptions)}, as an update of many if {@code many}. */
    private static Object update(MongoCollection<Document> collection, Bson selector, Bson update,
                                 UpdateOptions options, boolean many) {
        try {
            UpdateResult result = many ? collection.updateMany(selector, update, options)
                    : collection.updateOne(selector, update, options);
            return List.of(result.getMatchedCount(), result.getModifiedCount(), String.valueOf(result.getUpsertedId()));
        } catch (MongoWriteException e) {
            return e.getCode();
        }
    }

    /** The outcome of a replace: matched, modified and upserted id, or the error's code. */
    private static Object replace(MongoCollection<Document> collection, Bson selector, Document replacement,
                                  ReplaceOptions options) {
        try {
            UpdateResult result = collection.replaceOne(selector, replacement, options);
            return List.of(result.getMatchedCount(), result.getModifiedCount(), String.valueOf(result.getUpsertedId()));
        } catch (MongoWriteException e) {
            return e.getCode();
        }
    }

    private static Document withoutId(Document document) {
        document.remove("_id");
        return document;
    }

    private static Document account(String id, String estate, int number, long sequence) {
        return new Document("_id", id).append("estateId", estate).append("number", number)
                .append("lastSequence", sequence).append("lines", List.of(new Document("amount", number),
                        new Document("amount", -1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void aSecondaryIndexGivesTheAnswersOfAScanAsDocumentsComeChangeAndGo(String store) {
        MongoCollection<Document> indexed = collection(indexedBackend(store));
        MongoCollection<Document> scanning = collection(new MemoryBackend());
        for (MongoCollection<Document> c : List.of(indexed, scanning)) {
            c.createIndex(new Document("estateId", 1));
            for (int i = 0; i < 60; i++) {
                c.insertOne(new Document("_id", "s-" + i).append("estateId", "e" + i % 4).append("open", i % 7));
            }
            c.updateMany(Filters.eq("estateId", "e1"), Updates.set("estateId", "e2")); // e1 moves to e2
            c.deleteMany(Filters.and(Filters.eq("estateId", "e3"), Filters.gt("open", 3)));
        }
        List<Function<MongoCollection<Document>, Object>> queries = List.of(
                c -> c.find(Filters.eq("estateId", "e0")).sort(new Document("_id", 1)).into(new ArrayList<>()),
                c -> c.find(Filters.eq("estateId", "e1")).into(new ArrayList<>()),
                c -> c.find(Filters.eq("estateId", "e2")).sort(new Document("open", -1).append("_id", 1))
                        .into(new ArrayList<>()),
                c -> c.find(new Document("estateId", "e3").append("open", new Document("$lte", 2)))
                        .sort(new Document("_id", 1)).into(new ArrayList<>()),
                c -> c.countDocuments(Filters.and(Filters.eq("estateId", "e2"), Filters.eq("open", 1))),
                c -> c.find(Filters.eq("estateId", "e9")).into(new ArrayList<>()),
                c -> c.countDocuments(Filters.in("estateId", "e0", "e3")));
        assertSameAnswers(indexed, scanning, queries);
        assertThat(indexed.countDocuments(Filters.eq("estateId", "e2"))).isEqualTo(30);
        // the index holds every document (the stock backend's ignored index holds none)
        long stored = indexed.countDocuments();
        assertThat(indexSize(indexed)).isEqualTo(stored);
        assertThat(indexSize(scanning)).isZero();

        // an array value: MongoDB matches its elements; the index stands aside and answers stay the same
        for (MongoCollection<Document> c : List.of(indexed, scanning)) {
            c.insertOne(new Document("_id", "s-tagged").append("estateId", List.of("e0", "e9")));
        }
        assertSameAnswers(indexed, scanning, queries);
    }

    private long indexSize(MongoCollection<Document> collection) {
        MongoClient client = clients.get(collections.indexOf(collection));
        Document stats = client.getDatabase("test").runCommand(new Document("validate",
                collection.getNamespace().getCollectionName()));
        return ((Number) stats.get("keysPerIndex", Document.class).get("estateId_1")).longValue();
    }

    @Test
    void aSecondaryIndexServesPlainEqualityOnly() {
        var index = new IndexedMemoryBackend.SecondaryIndex("estateId", List.of(new IndexKey("estateId", true)));
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("estateId", "e1"))).isTrue();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("estateId", "e1").append("open", 3)))
                .isTrue();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("estateId",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("e1"))))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("estateId", null))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("other", "e1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void theUniqueIdStillRefusesADuplicate(String store) {
        MongoCollection<Document> indexed = collection(indexedBackend(store));
        indexed.insertOne(new Document("_id", "x"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> indexed.insertOne(new Document("_id", "x")))
                .hasMessageContaining("duplicate key");
    }

    @Test
    void theIdIndexServesQueriesLedByIdWhereTheStockIndexWouldScan() {
        List<IndexKey> id = List.of(new IndexKey("_id", true));
        var guarded = new de.bwaldvogel.mongo.bson.Document("_id", "acc-1")
                .append("lastSequence", new de.bwaldvogel.mongo.bson.Document("$lt", 5L));
        var noId = new de.bwaldvogel.mongo.bson.Document("estateId", "e1");
        assertThat(new MemoryUniqueIndex("_id_", id, false).canHandle(guarded)).isFalse();
        assertThat(new IndexedMemoryBackend.LeadingKeyIndex("_id_", id, false).canHandle(guarded)).isTrue();
        assertThat(new IndexedMemoryBackend.LeadingKeyIndex("_id_", id, false).canHandle(noId)).isFalse();
        var andForm = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "acc-1"),
                new de.bwaldvogel.mongo.bson.Document("lastSequence", new de.bwaldvogel.mongo.bson.Document("$lt", 5L))));
        assertThat(new MemoryUniqueIndex("_id_", id, false).canHandle(andForm)).isFalse();
        assertThat(new IndexedMemoryBackend.LeadingKeyIndex("_id_", id, false).canHandle(andForm)).isTrue();
    }

    /** The sequence guard as the projections' writes send it ({@code WriteBuffer}, through Spring's criteria). */
    private static Bson projectionGuard(String id, long sequence) {
        return new Document("_id", id).append("lastSequence", new Document("$lt", sequence));
    }

    private static Bson guard(String id, long sequence) {
        return Filters.and(Filters.eq("_id", id), Filters.lt("lastSequence", sequence));
    }

    /**
     * A collection on the given indexed backend and one on the stock scanning backend, each with an index on
     * {@code estateId} and a unique one on {@code number}, holding the same {@code count} documents.
     */
    private List<MongoCollection<Document>> indexedAndScanning(String store, int count,
                                                               IntFunction<Document> document) {
        List<MongoCollection<Document>> pair = List.of(collection(indexedBackend(store)),
                collection(new MemoryBackend()));
        for (MongoCollection<Document> c : pair) {
            c.createIndex(new Document("estateId", 1));
            c.createIndex(new Document("number", 1), new IndexOptions().unique(true));
            for (int i = 0; i < count; i++) {
                c.insertOne(document.apply(i));
            }
        }
        return pair;
    }

    /** Each operation, in order, answers on the indexed collection as on the scanning one. */
    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> scanning,
                                          List<Function<MongoCollection<Document>, Object>> operations) {
        for (Function<MongoCollection<Document>, Object> operation : operations) {
            assertThat(operation.apply(indexed)).isEqualTo(operation.apply(scanning));
        }
    }

    private MongoCollection<Document> collection(de.bwaldvogel.mongo.MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        clients.add(client);
        MongoCollection<Document> collection = client.getDatabase("test").getCollection("docs");
        collections.add(collection);
        return collection;
    }
}
