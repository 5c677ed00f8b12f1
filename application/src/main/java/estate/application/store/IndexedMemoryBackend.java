package estate.application.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-process MongoDB-protocol server's memory backend, with two changes that make it answer like MongoDB with
 * its indexes (the answers are the same as without them; only the work to find them changes).
 * <p>
 * First, a query that names a document by
 * {@code _id} (equality or {@code $in}) and adds more conditions, such as the projections' sequence guard
 * {@code {_id: x, lastSequence: {$lt: n}}} (or the same under {@code $and}), finds its candidates through the {@code _id} index, as MongoDB does.
 * mongo-java-server uses an index only when the query has exactly the index's keys and scans the whole collection
 * otherwise, so every guarded read-model update cost time in proportion to the collection (measured: 0.5 ms by
 * {@code _id} against 52 ms with the guard at 100,000 documents; see docs/performance.md). The other conditions
 * are still checked on the candidates, so answers are the same as a scan's.
 * <p>
 * Second, non-unique indexes, which mongo-java-server ignores: an index declared on a field (see
 * {@code ReadModelIndexes}) keeps, per value of its first key, the documents that hold it; a query with an
 * equality on that key (an estate's statements, an account's ledger entries) reads those documents only, instead
 * of scanning the collection. Other conditions, and sorting, apply to them as before.
 */
public final class IndexedMemoryBackend extends MemoryBackend {

    private static final String ID = "_id";

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                             List<IndexKey> keys, boolean sparse) {
                return keys.size() == 1 ? new LeadingKeyIndex(indexName, keys, sparse)
                        : super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }

            @Override
            protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                                List<IndexKey> keys, boolean sparse) {
                return keys.size() == 1 ? new SecondaryIndex(indexName, keys)
                        : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
            }
        };
    }

    /** A unique single-key index that also serves queries with more conditions than its key. */
    static final class LeadingKeyIndex extends MemoryUniqueIndex {

        private final String key;

        LeadingKeyIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.key = keys.get(0).getKey();
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            if (super.canHandle(query)) {
                return true;
            }
            Document narrowed = narrowed(query);
            return narrowed != null && super.canHandle(narrowed);
        }

        @Override
        public synchronized Iterable<Integer> getPositions(Document query) {
            Document narrowed = narrowed(query);
            return super.getPositions(narrowed != null && super.canHandle(narrowed) ? narrowed : query);
        }

        private Document narrowed(Document query) {
            return equalityOn(key, query);
        }
    }

    /**
     * The key's own condition in a query: {@code {key: v, other...}} (how Spring Data writes it) or
     * {@code {$and: [{key: v}, ...]}} (how the driver's {@code Filters.and} writes it); null if it has none.
     */
    static Document conditionOn(String key, Document query) {
        if (query.containsKey(key)) {
            return new Document(key, query.get(key));
        }
        if (query.size() == 1 && query.get("$and") instanceof List<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document condition && condition.size() == 1 && condition.containsKey(key)) {
                    return condition;
                }
            }
        }
        return null;
    }

    /**
     * Whether the query has a plain equality on the key (not an operator, not null, not an array, not a regular
     * expression): what a non-unique single-key index serves.
     */
    static boolean isPlainEqualityOn(String key, Document query) {
        Document condition = conditionOn(key, query);
        if (condition == null) {
            return false;
        }
        Object value = condition.get(key);
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    /** The key's own condition when the query has more conditions than that; else null. */
    static Document equalityOn(String key, Document query) {
        Document condition = conditionOn(key, query);
        return condition == null || (query.size() == 1 && query.containsKey(key)) ? null : condition;
    }

    /**
     * A non-unique single-key index: value → positions of the documents holding it. It serves
     * queries with a plain equality on that key (not an operator, not null, not an array); documents whose value is
     * an array make it stand aside for good (MongoDB would match array elements).
     */
    static final class SecondaryIndex extends Index<Integer> {

        private final String key;
        private final Map<Object, Set<Integer>> byValue = new HashMap<>();
        private final Map<Object, Integer> positionById = new HashMap<>();
        private final Map<Integer, Object> valueAt = new HashMap<>();
        private boolean usable = true;

        SecondaryIndex(String name, List<IndexKey> keys) {
            super(name, keys, true);
            this.key = keys.get(0).getKey();
        }

        /** The document's value for the key, normalized as the unique indexes do. */
        private Object valueOf(Document document) {
            if (Utils.getSubdocumentValueCollectionAware(document, key) instanceof Collection<?>) {
                usable = false;
            }
            return getKeyValues(document).iterator().next();
        }

        @Override
        public synchronized Integer getPosition(Document document) {
            return positionById.get(document.get(ID));
        }

        @Override
        public void checkAdd(Document document, MongoCollection<Integer> collection) {
            // not unique: nothing to refuse
        }

        @Override
        public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
            Object value = valueOf(document);
            byValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position);
            positionById.put(document.get(ID), position);
            valueAt.put(position, value);
        }

        @Override
        public synchronized Integer remove(Document document) {
            Integer position = positionById.remove(document.get(ID));
            if (position != null) {
                Object value = valueAt.remove(position);
                Set<Integer> positions = byValue.get(value);
                if (positions != null) {
                    positions.remove(position);
                    if (positions.isEmpty()) {
                        byValue.remove(value);
                    }
                }
            }
            return position;
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            return usable && isPlainEqualityOn(key, query);
        }

        @Override
        public synchronized Iterable<Integer> getPositions(Document query) {
            Object value = valueOf(conditionOn(key, query));
            return new ArrayList<>(byValue.getOrDefault(value, Set.of()));
        }

        @Override
        public synchronized long getCount() {
            return positionById.size();
        }

        @Override
        public synchronized long getDataSize() {
            return getCount();
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
            // not unique: nothing to refuse
        }

        @Override
        public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
                                               MongoCollection<Integer> collection) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }

        @Override
        public synchronized void drop() {
            byValue.clear();
            positionById.clear();
            valueAt.clear();
        }
    }

}
