package estate.application.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.OperatorUpdates;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The embedded server's backend on disk: mongo-java-server's H2 backend (one MVStore file holding every read model
 * and the processors' tokens), changed in five ways.
 * <ul>
 * <li><b>Commits only between requests.</b> MVStore's own background commit takes each map's state one after the
 * other while requests run, so a file could hold a processor's token without the documents written before it (a
 * crash would then skip events). Here the store commits only on its own thread, every {@code commitInterval},
 * holding a lock that every request of the wire protocol shares: a commit is the state between two requests (and
 * sooner when the unsaved pages grow large, so one commit's buffer stays small). A
 * batch's documents are written before its token (the processors store the token after their writes), so a file
 * never holds a token ahead of its documents; it may hold documents ahead of their token, which the projections'
 * sequence guards absorb when the batch comes again (ADR 1). Only capturing the new version happens under the
 * lock; writing it to the file does not.</li>
 * <li><b>Stored documents never change in place</b>: an update works on a copy, and an update of one document by
 * {@code _id} (a projection's guarded replace, or increments to a shared document) builds the new document without
 * the general path's deep clones and puts it in the old one's place (see {@code StoredCollection}).</li>
 * <li><b>Documents as BSON</b> ({@link BsonDocumentType}), not Java serialization.</li>
 * <li><b>Indexes as MongoDB would use them</b>, as {@link IndexedMemoryBackend} does: the unique single-key index
 * also serves {@code _id} queries with more conditions, and single-field secondary indexes exist, both kept in the
 * file, so a start does not rebuild them.</li>
 * <li><b>Compaction</b> of sparse chunks on the same thread (MVStore's own housekeeping would commit).</li>
 * </ul>
 */
public final class IndexedFileBackend extends H2Backend {

    private static final Logger LOG = LoggerFactory.getLogger(IndexedFileBackend.class);
    private static final String ID = "_id";
    private static final int TARGET_FILL_RATE = 80;
    private static final int MAX_BYTES_REWRITTEN_PER_PASS = 8 << 20;
    /**
     * A commit comes before the interval is over once the unsaved pages reach this (MVStore's estimate of their
     * memory): a commit encodes them into one buffer, and a second of billing at 1M events made that 53 MB, which
     * a 512 MB heap could not allocate (the store then closes itself). 4 MB since session 8: a bill run at 1M events
     * took 83.5-85.5 s against 86-97 s at 16 MB (and 93.7 s at 2 MB). Why is not settled: H2 keeps a commit's
     * buffer for the next one only up to 4 MB and allocates a larger one afresh, growing it by half at a time, but
     * G1 regions of 32 MB (so that those buffers are ordinary objects) did not help.
     */
    private static final int MAX_UNSAVED_BYTES = 4 << 20;
    /** How long a stop waits for the committer's running pass (a commit, a compaction) before closing anyway. */
    private static final long STOP_WAIT_SECONDS = 60;

    private final ReentrantReadWriteLock requests = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;

    private IndexedFileBackend(MVStore store, long commitIntervalMillis, int maxUnsavedBytes) {
        super(store);
        committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-store-commit");
            thread.setDaemon(true);
            return thread;
        });
        long tickMillis = Math.min(100, commitIntervalMillis);
        long compactEveryMillis = Math.max(2_000, commitIntervalMillis);
        long[] last = {System.nanoTime(), System.nanoTime()}; // the last commit, the last compaction
        committer.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            if (now - last[0] < TimeUnit.MILLISECONDS.toNanos(commitIntervalMillis)
                    && store.getUnsavedMemory() < maxUnsavedBytes) {
                return;
            }
            commit();
            last[0] = now;
            if (now - last[1] >= TimeUnit.MILLISECONDS.toNanos(compactEveryMillis)) {
                compact();
                last[1] = now;
            }
        }, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (or creates) the store in the file.
     *
     * @param cacheMegabytes MVStore's page cache: what of the read models stays in the heap
     */
    public static IndexedFileBackend open(Path file, int cacheMegabytes, long commitIntervalMillis) {
        return open(file, cacheMegabytes, commitIntervalMillis, MAX_UNSAVED_BYTES);
    }

    /**
     * As {@link #open(Path, int, long)}, committing earlier than the interval once MVStore's estimate of the unsaved
     * pages' memory reaches {@code maxUnsavedBytes}.
     */
    public static IndexedFileBackend open(Path file, int cacheMegabytes, long commitIntervalMillis,
                                          int maxUnsavedBytes) {
        return openOrSetAside(file, path -> {
            MVStore store = openStore(path, cacheMegabytes);
            try {
                // The background thread stays (its executors write committed versions to the file off the lock),
                // but never commits by itself.
                store.setAutoCommitDelay(Integer.MAX_VALUE);
                store.setRetentionTime(0);
                LOG.info("Read store in {}: {} bytes", path, store.getFileStore().size());
                return new IndexedFileBackend(store, commitIntervalMillis, maxUnsavedBytes); // opens every map
            } catch (RuntimeException e) {
                store.closeImmediately();
                throw e;
            }
        });
    }

    /**
     * Opens the store; a file MVStore reports as corrupt, on opening it or its maps (seen once: a commit's buffer
     * that a 512 MB heap could not allocate closed the store, and a map of the file it left could not be read), is
     * set aside and an empty store opened instead.
     * The read models are derived from the event log, so the processors rebuild them all from their empty tokens.
     */
    static <T> T openOrSetAside(Path file, Function<Path, T> opener) {
        try {
            return opener.apply(file);
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new IllegalStateException("The read store " + file + " is in use by another instance: run one"
                        + " instance per data directory, or several on MongoDB (MONGODB_URI)", e);
            }
            if (e.getErrorCode() != DataUtils.ERROR_FILE_CORRUPT) {
                throw e;
            }
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            LOG.error("The read store {} cannot be read ({}); it is kept as {} and every read model is rebuilt from"
                    + " the event log", file, e.getMessage(), aside.getFileName());
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                throw new IllegalStateException("The read store " + file + " cannot be read, nor set aside", moveFailed);
            }
            return opener.apply(file);
        }
    }

    private static MVStore openStore(Path file, int cacheMegabytes) {
        return new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(cacheMegabytes)
                .autoCommitBufferSize(0) // no commit from a writing thread when unsaved changes pile up
                .autoCompactFillRate(0) // no housekeeping (it commits) in MVStore's background thread
                .open();
    }

    /** Commits what the requests so far have written, as one consistent version. */
    public void commit() {
        requests.writeLock().lock();
        try {
            if (getMvStore().hasUnsavedChanges()) {
                getMvStore().tryCommit();
            }
        } catch (RuntimeException e) {
            LOG.warn("Committing the read store failed; the next commit tries again", e);
        } finally {
            requests.writeLock().unlock();
        }
    }

    /** Runs {@code pass} on the committer's thread, as its commits and compactions run (for tests). */
    void onCommitter(Runnable pass) {
        committer.execute(pass);
    }

    /** False once the store is closed: stopped, or closed by MVStore itself after a failed write. */
    public boolean isOpen() {
        return !getMvStore().isClosed();
    }

    /** Rewrites pages of sparse chunks into the next commit, so the file's space is reused. */
    private void compact() {
        try {
            getMvStore().compact(TARGET_FILL_RATE, MAX_BYTES_REWRITTEN_PER_PASS);
        } catch (RuntimeException e) {
            LOG.warn("Compacting the read store failed; the next pass tries again", e);
        }
    }

    private <T> T shared(Supplier<T> request) {
        requests.readLock().lock();
        try {
            return request.get();
        } finally {
            requests.readLock().unlock();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return shared(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return shared(() -> super.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return shared(() -> super.handleMessage(message));
    }

    /**
     * Stops the committer, letting a commit or compaction pass that is running end first, then commits what is left
     * and closes the file.
     * <p>
     * Not {@code shutdownNow()}: interrupting the committer while it reads or writes the file makes the file channel
     * close itself ({@code ClosedByInterruptException}), and MVStore then takes the store for broken. If the close's
     * own commit fails so, H2 2.3's close loops for ever: session 8 saw a stop after a bill run at 1M events spin in
     * {@code MVStore.closeStore} for minutes (its commit had failed; the interrupt is the one cause this code made
     * possible).
     */
    @Override
    public void close() {
        committer.shutdown();
        try {
            if (!committer.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The read store's committer did not finish its pass within {} s; closing anyway",
                        STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        requests.writeLock().lock();
        try {
            super.close(); // commits and closes the file
        } finally {
            requests.writeLock().unlock();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** A database whose collections keep BSON documents and whose single-key indexes are the ones below. */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, IndexedFileBackend.this.getMvStore(), IndexedFileBackend.this.getCursorRegistry());
        }

        private MVStore store() {
            return IndexedFileBackend.this.getMvStore(); // also while the superclass's constructor runs
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            // the map names of H2Database, which drops them by these names
            MVMap<Object, Document> data = store().openMap("databases." + fullName,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
            MVMap<String, Object> meta = store().openMap("meta." + fullName);
            return new StoredCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            return keys.size() == 1
                    ? new UniqueIndex(store().openMap(indexMapName(collectionName, indexName)), indexName, keys, sparse)
                    : super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            return keys.size() == 1
                    ? new SecondaryIndex(store().openMap(indexMapName(collectionName, indexName)), indexName, keys)
                    : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }

        /** H2Database's name for an index's map, by which it drops the map with the index or collection. */
        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    /**
     * A collection whose stored documents are never changed in place. mongo-java-server applies an update to the
     * stored document object itself; here that object may at the same moment be written to the file as part of
     * the last committed version (and MVStore's versions need values that do not change). So an update works on a
     * copy, which then replaces the stored document. A shallow copy is enough: the update sets and removes the
     * document's top-level fields, with values it built afresh (mongo-java-server computes the new document from a
     * deep clone or from the request), and changes nothing below them. The direct update by {@code _id}
     * ({@link #updateById}) shares with the stored document the parts it does not change, which is safe for the same
     * reason: nothing changes a stored document, nor anything inside one.
     */
    private static final class StoredCollection extends H2Collection {

        private final MVMap<Object, Document> data;
        /** Set while an update runs; the collection's operations are synchronized on it. */
        private boolean updating;

        StoredCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                   MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.data = data;
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            // a multi-update named by a plain _id meets one document at most: Spring Data's bulk upsert (the
            // WriteBuffer's $inc/$set on the shared per-estate documents) is sent as one
            Document done = arrayFilters.isEmpty() ? updateById(selector, update, oplog) : null;
            if (done != null) {
                return done;
            }
            updating = true;
            try {
                return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
            } finally {
                updating = false;
            }
        }

        /**
         * An update of one stored document named by a plain string {@code _id} that meets the rest of the selector,
         * done straight: the stored document is read by its key and checked against the selector, the new document
         * is built without cloning the stored one, and put in its place.
         * <ul>
         * <li>A <b>replacement</b> (the projections' guarded replace: {@code _id}, sequence guard, a whole new
         * document) becomes the replacement with the stored {@code _id}. The replacement is the request's own
         * document, decoded for this request and kept by nobody else.</li>
         * <li>An update by <b>operators</b> (the shared per-estate documents' {@code $inc} and {@code $set}) is
         * applied by the library's own operators ({@link OperatorUpdates}) to a copy of the stored document made
         * along the update's paths only: each document on a path is copied once, and an array at a path's end
         * (which {@code $pull}, {@code $pop} and {@code $addToSet} change in place); everything else is shared with
         * the stored document, which nobody changes (see above).</li>
         * </ul>
         * The general path clones the whole stored document deeply twice, once to keep the old state and once to
         * build the new one, and compares them whole. Session 5: the direct replace made a 42k-event full replay 7 %
         * faster. The operators came direct in session 6, but the shared documents' increments (updates of many)
         * reached them only in session 7: +7 % in the first 120 s of a 1M log's billing replay, and far less garbage
         * per increment.
         * <p>
         * Null, for the general path, if this is neither (a selector without a plain string {@code _id}, a
         * replacement naming another {@code _id}, an operator that is not on its own paths, a positional path or one
         * that goes through an array, an update that would change {@code _id}), or if no stored document meets the
         * selector (an upsert that inserts, or one the guard refuses, which the general path answers as MongoDB
         * does: a duplicate key). Nothing is stored before the point where the general path would store it.
         */
        private Document updateById(Document selector, Document update, Oplog oplog) {
            if (!(selector.get(ID) instanceof String id)) {
                return null;
            }
            boolean replacement = isReplacement(update);
            if (replacement ? !id.equals(update.getOrDefault(ID, id)) : !OperatorUpdates.onTheirPathsOnly(update)) {
                return null;
            }
            Document stored = data.get(id);
            if (stored == null || !documentMatchesQuery(stored, selector)) {
                return null;
            }
            Document next = replacement ? replaced(id, update) : copiedAlong(stored, update);
            if (next == null) {
                return null;
            }
            if (!replacement) {
                OperatorUpdates.apply(next, update, ID);
                if (!id.equals(next.get(ID))) {
                    return null; // the general path answers as MongoDB does
                }
            }
            Utils.validateFieldNames(next);
            boolean modified = !next.equals(stored); // cheap where shared: a document equals itself at once
            if (modified) {
                for (Index<Object> index : getIndexes()) {
                    index.checkUpdate(stored, next, this);
                }
                for (Index<Object> index : getIndexes()) {
                    index.updateInPlace(stored, next, id, this);
                }
                data.put(id, next);
            }
            oplog.handleUpdate(getFullName(), selector, update, modified ? List.of(id) : List.of());
            Document result = new Document("n", 1);
            result.put("nModified", modified ? 1 : 0);
            return result;
        }

        /** The replacement's fields after the stored {@code _id}. */
        private static Document replaced(String id, Document replacement) {
            Document next = new Document(ID, id);
            for (Map.Entry<String, Object> field : replacement.entrySet()) {
                if (!field.getKey().equals(ID)) {
                    next.put(field.getKey(), field.getValue());
                }
            }
            return next;
        }

        /**
         * A shallow copy of {@code stored} in which each document on the update's paths, and an array at a path's
         * end, is a copy of its own, made once however many paths go through it; null if a path is positional or
         * goes through anything but a document (the general path handles those).
         */
        private static Document copiedAlong(Document stored, Document update) {
            Document copy = new Document(stored);
            Set<Object> copies = Collections.newSetFromMap(new IdentityHashMap<>());
            copies.add(copy);
            for (Object changes : update.values()) {
                for (String path : ((Document) changes).keySet()) {
                    if (path.indexOf('$') >= 0 || !copyAlong(copy, path, copies)) {
                        return null;
                    }
                }
            }
            return copy;
        }

        private static boolean copyAlong(Document document, String path, Set<Object> copies) {
            Document parent = document;
            int start = 0;
            while (true) {
                int dot = path.indexOf('.', start);
                String field = dot < 0 ? path.substring(start) : path.substring(start, dot);
                Object value = parent.get(field);
                if (dot < 0) {
                    if (value instanceof List<?> array && !copies.contains(array)) {
                        List<Object> copy = new ArrayList<>(array);
                        copies.add(copy);
                        parent.put(field, copy);
                    }
                    return true;
                }
                if (value == null && !parent.containsKey(field)) {
                    return true; // the operators create what is missing from here on
                }
                if (!(value instanceof Document child)) {
                    return false;
                }
                if (!copies.contains(child)) {
                    child = new Document(child);
                    copies.add(child);
                    parent.put(field, child);
                }
                parent = child;
                start = dot + 1;
            }
        }

        private static boolean isReplacement(Document update) {
            for (String key : update.keySet()) {
                if (key.startsWith("$")) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            updating = true;
            try {
                return super.findAndModify(query);
            } finally {
                updating = false;
            }
        }

        /**
         * No running data size: it costs every write two BSON sizings and a second map update, for a figure only
         * {@code collStats} reports.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected Document getDocument(Object position) {
            Document stored = super.getDocument(position);
            return updating && stored != null ? new Document(stored) : stored;
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            if (!updating) {
                return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            // an update that no index serves: the documents it may change, as copies
            return matchDocumentsFromStream(data.values().stream().map(Document::new), query, orderBy, skip,
                    limit, batchSize, fieldSelector);
        }
    }

    /**
     * The map key of a single-key index's value: plain values (strings, numbers, booleans, dates) as themselves,
     * which MVStore compares natively; anything else as its {@link KeyValue} (compared in serialized form).
     */
    private static Object mapKey(KeyValue keyValue) {
        Object value = keyValue.get(0);
        return keyValue.size() == 1 && (value instanceof String || value instanceof Number
                || value instanceof Boolean || value instanceof Date) ? value : keyValue;
    }

    /**
     * A unique single-key index in the file: value → position (the document's {@code _id}). Like
     * {@link IndexedMemoryBackend}'s, it also serves a query that names its key and adds more conditions.
     */
    static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<Object, Object> map;
        private final String key;

        UniqueIndex(MVMap<Object, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
            this.key = keys.get(0).getKey();
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(mapKey(keyValue));
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(mapKey(keyValue), Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            List<Map.Entry<KeyValue, Object>> entries = new ArrayList<>();
            map.forEach((k, position) -> entries.add(new AbstractMap.SimpleEntry<>(
                    k instanceof KeyValue keyValue ? keyValue : new KeyValue(k), position)));
            return entries;
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(mapKey(keyValue));
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            if (super.canHandle(query)) {
                return true;
            }
            Document narrowed = IndexedMemoryBackend.equalityOn(key, query);
            return narrowed != null && super.canHandle(narrowed);
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            Document narrowed = IndexedMemoryBackend.equalityOn(key, query);
            return super.getPositions(narrowed != null && super.canHandle(narrowed) ? narrowed : query);
        }
    }

    /**
     * A non-unique single-key index in the file: one entry {@code [value, position]} per document that holds the
     * key, found by a range read from {@code [value]}. It serves plain equality on the key, as
     * {@link IndexedMemoryBackend}'s does, and stands aside for good once a document holds an array there. The
     * entry {@code []} (first in the map) records that it is built and whether it is usable.
     */
    static final class SecondaryIndex extends Index<Object> {

        private static final Object[] STATE = {};
        private static final ObjectDataType VALUES = new ObjectDataType();

        private final MVMap<Object[], Boolean> map;
        private final String key;
        private volatile boolean usable;
        /** The state entry is in the map (written with the first document). */
        private boolean built;

        SecondaryIndex(MVMap<Object[], Boolean> map, String name, List<IndexKey> keys) {
            super(name, keys, true);
            this.map = map;
            this.key = keys.get(0).getKey();
            this.usable = !Boolean.FALSE.equals(map.get(STATE));
        }

        /** The document's value for the key, normalized as the unique indexes do; null if it has none. */
        private Object valueOf(Document document) {
            Object raw = Utils.getSubdocumentValueCollectionAware(document, key);
            if (raw instanceof Collection<?>) {
                usable = false;
                map.put(STATE, false);
            }
            if (raw instanceof Missing || raw == null) {
                return null;
            }
            return mapKey(getKeyValues(document).iterator().next());
        }

        @Override
        public synchronized Object getPosition(Document document) {
            Object value = valueOf(document);
            Object position = document.get(ID);
            return value != null && map.containsKey(new Object[]{value, position}) ? position : null;
        }

        @Override
        public void checkAdd(Document document, MongoCollection<Object> collection) {
            // not unique: nothing to refuse
        }

        @Override
        public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
            if (!built) {
                map.putIfAbsent(STATE, usable);
                built = true;
            }
            Object value = valueOf(document);
            if (value != null) {
                map.put(new Object[]{value, position}, Boolean.TRUE);
            }
        }

        @Override
        public synchronized Object remove(Document document) {
            Object value = valueOf(document);
            Object position = document.get(ID);
            return value != null && map.remove(new Object[]{value, position}) != null ? position : null;
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            return usable && IndexedMemoryBackend.isPlainEqualityOn(key, query);
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            Object value = mapKey(getKeyValues(IndexedMemoryBackend.conditionOn(key, query)).iterator().next());
            List<Object> positions = new ArrayList<>();
            Cursor<Object[], Boolean> cursor = map.cursor(new Object[]{value});
            while (cursor.hasNext()) {
                Object[] entry = cursor.next();
                if (entry.length != 2 || VALUES.compare(entry[0], value) != 0) {
                    break;
                }
                positions.add(entry[1]);
            }
            return positions;
        }

        @Override
        public synchronized long getCount() {
            return Math.max(0, map.sizeAsLong() - 1);
        }

        @Override
        public long getDataSize() {
            return getCount();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
            // not unique: nothing to refuse
        }

        @Override
        public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                               MongoCollection<Object> collection) {
            Object before = valueOf(oldDocument);
            if (before != null && before.equals(valueOf(newDocument))) {
                // the entry stays as it is: removing and putting it back would copy its page, which the next commit
                // then writes (most updates leave the indexed value alone)
                return;
            }
            remove(oldDocument);
            add(newDocument, position, collection);
        }

        @Override
        public void drop() {
            // H2Database removes the map with the index
        }
    }
}
