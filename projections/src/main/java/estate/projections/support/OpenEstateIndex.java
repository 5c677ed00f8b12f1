package estate.projections.support;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * {@value #FIELD}: a read model's field that holds the document's estate while the document is open (a work order
 * still owed, a complaint in the queue, an escalation not yet acknowledged) and null otherwise, with a non-unique
 * index on it, so that a count of an estate's open documents reads those only, not every document the estate ever
 * had. On the embedded server {@code IndexedMemoryBackend} serves equality queries on it.
 * <p>
 * The projection that owns the collection keeps the index: {@link #ensure} when it starts and again after its reset
 * dropped the collection (with its indexes).
 */
public final class OpenEstateIndex {

    public static final String FIELD = "openEstateId";

    private OpenEstateIndex() {
    }

    /** The field's value: the estate while open, else null. */
    public static String of(String estateId, boolean open) {
        return open ? estateId : null;
    }

    /** Creates the index on {@value #FIELD} of {@code document}'s collection unless it exists. */
    public static void ensure(MongoTemplate mongo, Class<?> document) {
        mongo.indexOps(document).ensureIndex(new Index().on(FIELD, Sort.Direction.ASC).named(FIELD));
    }
}
