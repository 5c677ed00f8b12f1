package estate.projections.support;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Idempotent writes for read models. A document that follows one aggregate records the sequence number of the
 * last event it applied ({@value #LAST_SEQUENCE}); an update applies only to a document that has not seen that
 * event yet, so an event delivered twice changes nothing.
 */
public final class Guarded {

    public static final String LAST_SEQUENCE = "lastSequence";

    private Guarded() {
    }

    /** Inserts a document whose id is deterministic; a second delivery finds it there and does nothing. */
    public static void insertOnce(MongoTemplate mongo, Object document) {
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyApplied) {
            // the same event was applied before: nothing to do
        }
    }

    /** Applies {@code update} to document {@code id} unless it has applied event {@code sequence} already. */
    public static void update(MongoTemplate mongo, Class<?> type, String id, long sequence, Update update) {
        Query notYetApplied = Query.query(where("_id").is(id).and(LAST_SEQUENCE).lt(sequence));
        mongo.updateFirst(notYetApplied, update.set(LAST_SEQUENCE, sequence), type);
    }
}
