package estate.application.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded read store on disk: what was written is there after a restart, documents come back exactly
 * (BSON types included), its indexes come back without a rebuild and still answer as a scan does, and a dropped
 * collection is gone from the file.
 */
class IndexedFileBackendTest {

    @TempDir
    Path dir;

    private MongoServer server;
    private IndexedFileBackend backend;
    private MongoClient client;

    @AfterEach
    void stop() {
        close();
    }

    @Test
    void documentsAndIndexesOutliveARestartAndAnswerAsBefore() {
        MongoCollection<Document> statements = open().getCollection("statements");
        statements.createIndex(new Document("estateId", 1));
        for (int i = 0; i < 300; i++) {
            statements.insertOne(new Document("_id", "acc-" + i).append("estateId", "e" + i % 5)
                    .append("lastSequence", (long) i)
                    .append("balance", new Decimal128(new BigDecimal("12.30").add(BigDecimal.valueOf(i))))
                    .append("lines", List.of(new Document("due", new Date(1_700_000_000_000L + i)), "x")));
        }
        statements.updateMany(Filters.eq("estateId", "e1"), Updates.set("estateId", "e4"));
        statements.deleteMany(Filters.and(Filters.eq("estateId", "e2"), Filters.gt("lastSequence", 200L)));
        statements.updateOne(Filters.and(Filters.eq("_id", "acc-7"), Filters.lt("lastSequence", 100L)),
                Updates.set("balance", new Decimal128(new BigDecimal("-7.01"))));
        List<Function<MongoCollection<Document>, Object>> queries = List.of(
                c -> c.find(Filters.eq("estateId", "e4")).sort(new Document("_id", 1)).into(new ArrayList<>()),
                c -> c.countDocuments(Filters.eq("estateId", "e1")),
                c -> c.countDocuments(Filters.eq("estateId", "e2")),
                c -> c.find(Filters.eq("_id", "acc-7")).first(),
                c -> c.find(Filters.and(Filters.in("_id", "acc-1", "acc-250", "acc-404"),
                        Filters.gte("lastSequence", 1L))).into(new ArrayList<>()),
                c -> c.countDocuments());
        List<Object> before = queries.stream().map(q -> q.apply(statements)).toList();
        close();

        MongoCollection<Document> reopened = open().getCollection("statements");
        assertThat(queries.stream().map(q -> q.apply(reopened)).toList()).isEqualTo(before);
        assertThat(reopened.countDocuments(Filters.eq("estateId", "e4"))).isEqualTo(120);
        assertThat(reopened.countDocuments()).isEqualTo(280);
        Document seven = reopened.find(Filters.eq("_id", "acc-7")).first();
        assertThat(seven.get("balance")).isEqualTo(new Decimal128(new BigDecimal("-7.01")));
        assertThat(seven.getList("lines", Object.class)).containsExactly(
                new Document("due", Date.from(Instant.ofEpochMilli(1_700_000_000_007L))), "x");
        // the index came back with the file and holds every document
        assertThat(indexEntries("statements")).isEqualTo(280);

        // writes after the restart go on from there
        reopened.insertOne(new Document("_id", "acc-new").append("estateId", "e4"));
        assertThat(reopened.countDocuments(Filters.eq("estateId", "e4"))).isEqualTo(121);
    }

    @Test
    void aDroppedCollectionIsGoneAfterARestartAndCanBeBuiltAgain() {
        MongoCollection<Document> queue = open().getCollection("queue");
        queue.createIndex(new Document("estateId", 1));
        queue.insertOne(new Document("_id", "w-1").append("estateId", "e1"));
        queue.drop();
        MongoCollection<Document> rebuilt = client.getDatabase("test").getCollection("queue");
        rebuilt.createIndex(new Document("estateId", 1));
        rebuilt.insertOne(new Document("_id", "w-2").append("estateId", "e1"));
        close();

        MongoCollection<Document> reopened = open().getCollection("queue");
        assertThat(reopened.find(Filters.eq("estateId", "e1")).into(new ArrayList<>()))
                .containsExactly(new Document("_id", "w-2").append("estateId", "e1"));
        assertThat(indexEntries("queue")).isEqualTo(1);
    }

    @Test
    void anUpdateReplacesTheStoredDocumentInsteadOfChangingIt() {
        MongoCollection<Document> docs = open().getCollection("docs");
        docs.insertOne(new Document("_id", "acc-1").append("lastSequence", 1L).append("lines", List.of("a")));
        docs.insertOne(new Document("_id", "acc-2").append("estateId", "e1").append("lastSequence", 1L));
        MVMap<Object, de.bwaldvogel.mongo.bson.Document> stored = backend.getMvStore().openMap("databases.test.docs");
        de.bwaldvogel.mongo.bson.Document first = stored.get("acc-1");
        de.bwaldvogel.mongo.bson.Document second = stored.get("acc-2");
        de.bwaldvogel.mongo.bson.Document firstAsItWas = first.cloneDeeply();
        de.bwaldvogel.mongo.bson.Document secondAsItWas = second.cloneDeeply();

        // by _id (served by the index) and by a field no index serves (a scan)
        docs.updateOne(Filters.and(Filters.eq("_id", "acc-1"), Filters.lt("lastSequence", 2L)),
                Updates.combine(Updates.set("lastSequence", 2L), Updates.push("lines", "b")));
        docs.updateMany(Filters.eq("estateId", "e1"), Updates.set("lastSequence", 7L));
        docs.findOneAndUpdate(Filters.eq("_id", "acc-1"), Updates.inc("lastSequence", 1L));

        // what a commit may be writing to the file at this moment is untouched; the map holds new documents
        assertThat(first).isEqualTo(firstAsItWas);
        assertThat(second).isEqualTo(secondAsItWas);
        assertThat(stored.get("acc-1")).isNotSameAs(first);
        assertThat(docs.find(Filters.eq("_id", "acc-1")).first())
                .isEqualTo(new Document("_id", "acc-1").append("lastSequence", 3L).append("lines", List.of("a", "b")));
        assertThat(docs.find(Filters.eq("_id", "acc-2")).first().getLong("lastSequence")).isEqualTo(7L);
    }

    @Test
    void theHealthIsDownOnceTheStoreHasClosedItself() {
        open().getCollection("docs").insertOne(new Document("_id", "x"));
        HealthIndicator health = new MongoConfig().mongoHealthIndicator(client, "test",
                new MongoConfig.EmbeddedMongo(server, "unused", backend));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        backend.getMvStore().closeImmediately(); // what MVStore does after a failed write

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("readStore", "closed after a failure; see the log");
    }

    @Test
    void aGracefulStopCommitsWhatTheLastIntervalWrote() {
        // an interval longer than the test: only the close can have committed
        server = new MongoServer(IndexedFileBackend.open(dir.resolve("slow.mv.db"), 4, 600_000));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        client.getDatabase("test").getCollection("tokens").insertOne(new Document("_id", "t").append("index", 41L));
        close();

        server = new MongoServer(IndexedFileBackend.open(dir.resolve("slow.mv.db"), 4, 600_000));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        assertThat(client.getDatabase("test").getCollection("tokens").find().first())
                .isEqualTo(new Document("_id", "t").append("index", 41L));
    }

    @Test
    void aStopWaitsForTheCommittersPassInsteadOfInterruptingIt() throws Exception {
        open().getCollection("tokens").insertOne(new Document("_id", "t").append("index", 7L));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        backend.onCommitter(() -> { // stands for a commit or compaction pass in the middle of the file's I/O
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        Thread stopping = new Thread(this::close);
        stopping.start();
        stopping.join(300);
        assertThat(stopping.isAlive()).as("the stop waits for the pass").isTrue();
        release.countDown();
        stopping.join(10_000);

        assertThat(stopping.isAlive()).as("stopped once the pass ended").isFalse();
        assertThat(interrupted).as("the pass was not interrupted").isFalse();
        assertThat(open().getCollection("tokens").find().first())
                .isEqualTo(new Document("_id", "t").append("index", 7L));
    }

    @Test
    void manyUnsavedPagesAreCommittedBeforeTheIntervalIsOver() throws InterruptedException {
        // an interval longer than the test, and a commit due at 64 KB of unsaved pages
        backend = IndexedFileBackend.open(dir.resolve("busy.mv.db"), 4, 600_000, 64 << 10);
        server = new MongoServer(backend);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        long version = backend.getMvStore().getCurrentVersion();
        MongoCollection<Document> statements = client.getDatabase("test").getCollection("statements");
        for (int i = 0; i < 200; i++) {
            statements.insertOne(new Document("_id", "acc-" + i).append("lines", "x".repeat(2_000)));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (backend.getMvStore().getUnsavedMemory() >= 64 << 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(backend.getMvStore().getUnsavedMemory()).as("what is left unsaved").isLessThan(64 << 10);
        assertThat(backend.getMvStore().getCurrentVersion()).as("committed before the interval").isGreaterThan(version);

        backend.commit(); // what was left below the threshold
        long committed = backend.getMvStore().getCurrentVersion();
        statements.insertOne(new Document("_id", "acc-small"));
        Thread.sleep(500);
        assertThat(backend.getMvStore().getCurrentVersion()).as("a small write waits for the interval")
                .isEqualTo(committed);
    }

    @Test
    void aFileMvStoreReportsCorruptIsSetAsideAndAnEmptyStoreOpens() throws Exception {
        open().getCollection("statements").insertOne(new Document("_id", "acc-1"));
        close();
        Path file = dir.resolve("readstore.mv.db");
        byte[] written = Files.readAllBytes(file);
        boolean[] first = {true};

        MVStore store = IndexedFileBackend.openOrSetAside(file, path -> {
            if (first[0]) { // as MVStore reported the file a 512 MB run left after an OutOfMemoryError in a commit
                first[0] = false;
                throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT,
                        "File corrupted in chunk {0}, expected page length 4..96, got 356", 1079);
            }
            return MVStore.open(path.toString());
        });

        assertThat(store.getMapNames()).as("an empty store: the processors rebuild it from the log").isEmpty();
        store.close();
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("readstore.mv.db.corrupt-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readAllBytes(aside)).as("the damaged file, kept").isEqualTo(written);
        }
    }

    private com.mongodb.client.MongoDatabase open() {
        backend = IndexedFileBackend.open(dir.resolve("readstore.mv.db"), 4, 50);
        server = new MongoServer(backend);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        return client.getDatabase("test");
    }

    private long indexEntries(String collection) {
        Document stats = client.getDatabase("test").runCommand(new Document("validate", collection));
        return ((Number) stats.get("keysPerIndex", Document.class).get("estateId_1")).longValue();
    }

    private void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }
}
