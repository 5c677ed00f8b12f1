package estate.application.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read side: MongoDB through the real driver. With {@code MONGODB_URI} unset the app starts an
 * in-process MongoDB-protocol server on loopback and connects to it over TCP, the same path as production: by
 * default on a file in the data directory ({@link IndexedFileBackend}), so read models and processor tokens
 * outlive a restart as they do in MongoDB; {@code estate.mongo.embedded-store=memory} keeps them in the heap
 * and rebuilds every projection from the event log at each start. Processor tokens always live beside the read
 * models, so a fresh (empty) read store comes with fresh tokens.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    /** The embedded read store's file in the data directory, beside the event store's. */
    public static final String READ_STORE_FILE = "readstore.mv.db";

    @Bean(destroyMethod = "shutdownNow")
    EmbeddedMongo embeddedMongo(@Value("${estate.mongo.uri:}") String uri,
                                @Value("${estate.mongo.embedded-port:0}") int port,
                                @Value("${estate.mongo.embedded-store:file}") String store,
                                @Value("${estate.data-dir}") Path dataDir,
                                @Value("${estate.mongo.embedded-cache-mb:64}") int cacheMegabytes,
                                @Value("${estate.mongo.embedded-commit-interval-ms:1000}") long commitIntervalMillis,
                                @Value("${estate.mongo.embedded-commit-at-mb:4}") int commitAtMegabytes,
                                @Value("${estate.mongo.embedded-indexes:true}") boolean indexes) {
        if (!uri.isBlank()) {
            return EmbeddedMongo.none();
        }
        IndexedFileBackend file = null;
        MongoServer server;
        switch (store) {
            case "file" -> {
                if (commitAtMegabytes < 1 || commitAtMegabytes > 1024) {
                    throw new IllegalArgumentException(
                            "estate.mongo.embedded-commit-at-mb must be from 1 to 1024, not " + commitAtMegabytes);
                }
                file = IndexedFileBackend.open(directory(dataDir).resolve(READ_STORE_FILE), cacheMegabytes,
                        commitIntervalMillis, commitAtMegabytes << 20);
                server = new MongoServer(file);
            }
            // false: mongo-java-server's stock backend (scans), only to measure what the indexes buy
            case "memory" -> server = new MongoServer(indexes ? new IndexedMemoryBackend() : new MemoryBackend());
            default -> throw new IllegalArgumentException(
                    "estate.mongo.embedded-store must be file or memory, not " + store);
        }
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongo(server, "mongodb://127.0.0.1:" + address.getPort(), file);
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + path, e);
        }
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(EmbeddedMongo embedded, @Value("${estate.mongo.uri:}") String uri) {
        return MongoClients.create(uri.isBlank() ? embedded.uri() : uri);
    }

    @Bean
    MongoDatabaseFactory mongoDatabaseFactory(MongoClient client, @Value("${estate.mongo.database}") String database) {
        return new SimpleMongoClientDatabaseFactory(client, database);
    }

    /** The read models' template, which keeps their secondary indexes (also after a reset drops a collection). */
    @Bean
    MongoTemplate mongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
        return new IndexedMongoTemplate(factory, converter);
    }

    /** Money and areas are Decimal128 in MongoDB, never strings or doubles. */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(config -> config.bigDecimal(
                MongoCustomConversions.BigDecimalRepresentation.DECIMAL128));
    }

    @Bean
    TokenStore tokenStore(MongoClient client, @Value("${estate.mongo.database}") String database,
                          Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database).build())
                .serializer(serializer)
                .nodeId(ManagementFactory.getRuntimeMXBean().getName())
                .build();
    }

    /** Boot's Mongo indicator needs the {@code hello} command, which the embedded server lacks: ping instead. */
    @Bean("mongo")
    HealthIndicator mongoHealthIndicator(MongoClient client, @Value("${estate.mongo.database}") String database,
                                         EmbeddedMongo embedded) {
        return new AbstractHealthIndicator("MongoDB ping failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                if (embedded.file() != null && !embedded.file().isOpen()) {
                    // MVStore closes itself after a failed write; the server still answers pings
                    builder.down().withDetail("readStore", "closed after a failure; see the log");
                    return;
                }
                Document answer = client.getDatabase(database).runCommand(new Document("ping", 1));
                builder.up().withDetail("ping", answer.get("ok"));
            }
        };
    }

    /** The in-process server, when one runs, and its file store when it has one. */
    public record EmbeddedMongo(MongoServer server, String uri, IndexedFileBackend file) {
        static EmbeddedMongo none() {
            return new EmbeddedMongo(null, null, null);
        }

        public void shutdownNow() {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }
}
