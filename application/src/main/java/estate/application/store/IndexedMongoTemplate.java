package estate.application.store;

import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The read models' {@link MongoTemplate}: dropping a collection (what a projection's reset does) re-creates that
 * collection's {@link ReadModelIndexes}, so a rebuilt read model is as fast to query as the first one.
 */
public class IndexedMongoTemplate extends MongoTemplate {

    public IndexedMongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
        super(factory, converter);
        ReadModelIndexes.ensureAll(this);
    }

    @Override
    public void dropCollection(String collectionName) {
        super.dropCollection(collectionName);
        ReadModelIndexes.ensure(this, collectionName);
    }

    @Override
    public <T> void dropCollection(Class<T> entityClass) {
        dropCollection(getCollectionName(entityClass));
    }
}
