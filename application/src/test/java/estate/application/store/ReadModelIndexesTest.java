package estate.application.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models' indexes name real collections, exist at start, and come back when a reset drops a collection. */
class ReadModelIndexesTest {

    @Test
    void everyIndexedCollectionIsAReadModelsCollection() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Document.class));
        Set<String> collections = scanner.findCandidateComponents("estate.projections").stream()
                .map(bean -> {
                    try {
                        return Class.forName(bean.getBeanClassName()).getAnnotation(Document.class).value();
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.toSet());
        assertThat(collections).containsAll(ReadModelIndexes.FIELDS.keySet());
    }

    @Test
    void theIndexesExistAtStartAndAgainAfterAResetDropsTheCollection() {
        MongoServer server = new MongoServer(new IndexedMemoryBackend());
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, "test");
            MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE,
                    new MongoMappingContext());
            converter.afterPropertiesSet();
            IndexedMongoTemplate mongo = new IndexedMongoTemplate(factory, converter);
            assertThat(indexedFields(mongo, "work_orders")).contains("estateId", "reportedBy");

            mongo.dropCollection("work_orders");

            assertThat(indexedFields(mongo, "work_orders")).contains("estateId", "reportedBy");
            assertThat(indexedFields(mongo, "ledger_entries")).contains("accountId");
        } finally {
            server.shutdownNow();
        }
    }

    private static Set<String> indexedFields(IndexedMongoTemplate mongo, String collection) {
        return mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).collect(Collectors.toSet());
    }
}
