package estate.projections.support;

import com.mongodb.MongoBulkWriteException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The read-model writes of one processing batch, flushed as bulk writes per collection when the batch ends (before
 * the processor stores its token), instead of one round trip per event.
 * <p>
 * Four kinds of writes, all idempotent, so a batch delivered twice (a crash between the flush and the token
 * update) changes nothing:
 * <ul>
 *     <li>{@link #insertOnce}: a document with a deterministic id (ledger line, timeline entry); a duplicate
 *     key on flush means it was written before and is ignored;</li>
 *     <li>{@link #save}: the new state of a document that follows one aggregate and records the last sequence
 *     number it applied ({@value Guarded#LAST_SEQUENCE}); written as a replace of the document only if it has
 *     not applied that sequence yet ({@code lastSequence < sequence}, upsert: a document first inserted in this
 *     batch). A duplicate key on the upsert means the stored document is as new or newer: ignored.</li>
 *     <li>{@link #update}: a MongoDB update of a document under the same sequence guard, for read models that
 *     change documents by operators ({@code $set}, {@code $push}, {@code $inc}) and never read them back while
 *     handling events.</li>
 *     <li>{@link #increments}: changes that the batch accumulates for a document shared by several aggregates
 *     (per-estate totals), written as one atomic update of the document (upsert). The caller makes it
 *     idempotent: the update must carry its own guard state (for example the last sequence applied per
 *     aggregate, set in the same update), which the caller reads before accumulating. Conditional updates of the
 *     same document may follow it ({@link Increments#afterwards()}), such as removing entries that reached zero.</li>
 * </ul>
 * {@link #find} returns the batch's own state of a document if it holds one, so the next event of the same
 * aggregate in the batch reads what the previous one wrote, not MongoDB.
 * <p>
 * Outside a unit of work (a handler invoked directly) every write goes straight to MongoDB. Inside one, the
 * buffer is a resource of the root unit of work, flushed by {@link #flushAtEndOfBatch()} after the batch's last
 * message (register it on the processor), or at the latest on prepare-commit. A batch that fails is rolled
 * back and its buffer dropped with the unit of work: nothing of it was written, the processor retries it.
 */
public final class WriteBuffer {

    private static final String RESOURCE = WriteBuffer.class.getName();

    private final MongoTemplate mongo;
    private final boolean immediate;
    /** The batch (root unit of work) this buffer belongs to; null if immediate. */
    private final UnitOfWork<?> batch;
    /** The ids of the batch's aggregates; null until first needed. */
    private Set<String> aggregates;
    /** Per collection, the documents of the batch's aggregates as stored when the batch first asked (null: none). */
    private final Map<Class<?>, Map<String, Object>> prefetched = new HashMap<>();
    /** Per collection, per id: the pending write, in order of first touch. */
    private final Map<Class<?>, Map<String, Pending>> pending = new LinkedHashMap<>();
    /** Per collection, the guarded updates in the order the batch made them. */
    private final Map<Class<?>, List<GuardedUpdate>> updates = new LinkedHashMap<>();

    private WriteBuffer(MongoTemplate mongo, UnitOfWork<?> batch) {
        this.mongo = mongo;
        this.immediate = batch == null;
        this.batch = batch;
    }

    /** The buffer of the current batch for {@code mongo}; one that writes immediately outside a unit of work. */
    public static WriteBuffer of(MongoTemplate mongo) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new WriteBuffer(mongo, null);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<MongoTemplate, WriteBuffer> buffers = root.getOrComputeResource(RESOURCE, key -> {
            Map<MongoTemplate, WriteBuffer> created = new LinkedHashMap<>();
            root.onPrepareCommit(uow -> flushAll(created));
            return created;
        });
        return buffers.computeIfAbsent(mongo, m -> new WriteBuffer(m, root));
    }

    /**
     * Flushes the current batch's buffers after its last message is handled, so read models are written before
     * the processor stores its token (which it does on prepare-commit, or before the batch with a transaction
     * manager). Register on every processor whose handlers use the buffer.
     */
    public static MessageHandlerInterceptor<EventMessage<?>> flushAtEndOfBatch() {
        return WriteBuffer::flushAfterLast;
    }

    private static Object flushAfterLast(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                                         InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            Map<MongoTemplate, WriteBuffer> buffers = unitOfWork.root().getResource(RESOURCE);
            if (buffers != null) {
                flushAll(buffers);
            }
        }
        return result;
    }

    private static void flushAll(Map<MongoTemplate, WriteBuffer> buffers) {
        for (WriteBuffer buffer : buffers.values()) {
            buffer.flush();
        }
    }

    /** Inserts a document with a deterministic id unless it exists. */
    public void insertOnce(String id, Object document) {
        if (immediate) {
            Guarded.insertOnce(mongo, document);
            return;
        }
        Map<String, Pending> writes = writes(document.getClass());
        if (!writes.containsKey(id)) {
            writes.put(id, new Pending(document, Kind.INSERT, -1));
        }
    }

    /**
     * The document as this batch left it, else as stored; null if neither. Documents handled with
     * {@link #save} only.
     * <p>
     * The first time a batch asks for a document of a collection that it has not written, the buffer reads in one
     * query ({@code _id $in}) the documents of that collection whose id is the aggregate of an event in the batch
     * (a statement or a balance is kept under its account's id), instead of one read per event; later asks are
     * answered from what it read, or from the batch's own writes. Ids that are not aggregates of the batch (a unit
     * looked up while handling an account's event) are read one at a time, without that query.
     */
    public <T> T find(String id, Class<T> type) {
        if (!immediate) {
            Pending write = writes(type).get(id);
            if (write != null) {
                return type.cast(write.document);
            }
            if (aggregatesOfBatch().contains(id)) {
                return type.cast(prefetched.computeIfAbsent(type, this::readAggregatesOfBatch).get(id));
            }
        }
        return mongo.findById(id, type);
    }

    /** The ids of the aggregates whose events make up the batch (computed once); empty if immediate. */
    public Set<String> aggregatesOfBatch() {
        if (aggregates == null) {
            aggregates = new LinkedHashSet<>();
            if (batch instanceof BatchingUnitOfWork<?> batching) {
                for (Object message : batching.getMessages()) {
                    if (message instanceof DomainEventMessage<?> event) {
                        aggregates.add(event.getAggregateIdentifier());
                    }
                }
            }
        }
        return aggregates;
    }

    /** The stored documents of {@code type} of all the batch's aggregates, in one query; null for those absent. */
    private Map<String, Object> readAggregatesOfBatch(Class<?> type) {
        Map<String, Object> stored = new HashMap<>();
        aggregatesOfBatch().forEach(id -> stored.put(id, null));
        PersistentEntity<?, ?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        for (Object document : mongo.find(Query.query(where("_id").in(aggregatesOfBatch())), type)) {
            stored.put(String.valueOf(entity.getIdentifierAccessor(document).getIdentifier()), document);
        }
        return stored;
    }

    /**
     * Stores {@code document} (id {@code id}, its {@value Guarded#LAST_SEQUENCE} is {@code sequence}) unless
     * the stored one has applied {@code sequence} already.
     */
    public void save(String id, long sequence, Object document) {
        Pending write = new Pending(document, Kind.SAVE, sequence);
        if (immediate) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, document.getClass());
            write.addTo(bulk, id);
            execute(bulk);
            return;
        }
        writes(document.getClass()).put(id, write);
    }

    /**
     * Applies {@code update} to document {@code id} unless it has applied event {@code sequence} already (as
     * {@link Guarded#update}), at the flush: after the batch's inserts and saves, in the order the batch made them,
     * one ordered bulk write per collection. {@link #find} does not see these updates: use it only for collections
     * whose handlers do not read what they update.
     */
    public void update(Class<?> type, String id, long sequence, Update update) {
        if (immediate) {
            Guarded.update(mongo, type, id, sequence, update);
            return;
        }
        updates.computeIfAbsent(type, t -> new ArrayList<>()).add(new GuardedUpdate(id, sequence, update));
    }

    /**
     * The accumulator of this batch's changes to the shared document {@code id} in {@code collection}'s
     * collection, created by {@code create} on the first call in the batch; written as one update at the flush.
     * Outside a unit of work, call {@link #flushIfImmediate()} when the handler is done.
     */
    public <T extends Increments> T increments(String id, Class<?> collection, Supplier<T> create) {
        Map<String, Pending> writes = writes(collection);
        Pending write = writes.get(id);
        if (write == null) {
            write = new Pending(create.get(), Kind.INCREMENTS, -1);
            writes.put(id, write);
        }
        @SuppressWarnings("unchecked")
        T accumulated = (T) write.document;
        return accumulated;
    }

    /** Outside a unit of work, writes what {@link #increments} accumulated; inside one, the batch's end does. */
    public void flushIfImmediate() {
        if (immediate) {
            flush();
        }
    }

    /** Changes accumulated for one shared document, written as one update (upsert by id). */
    public interface Increments {
        /** The update; null if there is nothing to write. */
        Update update();

        /**
         * Updates of the same document to make after {@link #update()}, each only if the document also meets its
         * condition (for example: remove the entries that the increments may have brought to zero).
         */
        default List<Conditional> afterwards() {
            return List.of();
        }
    }

    /** An update of a document that applies only if the document meets {@code condition} as well. */
    public record Conditional(Criteria condition, Update update) {
    }

    /**
     * Writes everything pending, shared documents first: per collection, one unordered bulk write of the
     * {@linkplain #increments increments}, then one ordered bulk write of what they asked for
     * {@linkplain Increments#afterwards() afterwards}; then per collection one unordered bulk write of the inserts
     * and saves; then per collection one ordered bulk write of the updates.
     * <p>
     * The order is a guarantee: if a write fails (or the process dies) part way, an aggregate's own document is
     * never ahead of what the shared documents have counted of it, so an {@link Increments} may take an
     * aggregate's state as the shared documents counted it from the aggregate's stored document
     * ({@code StatementProjection}'s estate arrears do).
     */
    public void flush() {
        for (Map.Entry<Class<?>, Map<String, Pending>> collection : pending.entrySet()) {
            flushIncrements(collection.getKey(), collection.getValue());
        }
        for (Map.Entry<Class<?>, Map<String, Pending>> collection : pending.entrySet()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection.getKey());
            List<Object> inserts = new ArrayList<>();
            int saves = 0;
            for (Map.Entry<String, Pending> write : collection.getValue().entrySet()) {
                if (write.getValue().kind == Kind.INSERT) {
                    inserts.add(write.getValue().document);
                } else if (write.getValue().kind == Kind.SAVE) {
                    write.getValue().addTo(bulk, write.getKey());
                    saves++;
                }
            }
            if (!inserts.isEmpty()) {
                bulk.insert(inserts);
            }
            if (saves > 0 || !inserts.isEmpty()) {
                execute(bulk);
            }
        }
        for (Map.Entry<Class<?>, List<GuardedUpdate>> collection : updates.entrySet()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection.getKey());
            for (GuardedUpdate update : collection.getValue()) {
                bulk.updateOne(Query.query(where("_id").is(update.id()).and(Guarded.LAST_SEQUENCE)
                        .lt(update.sequence())), update.update().set(Guarded.LAST_SEQUENCE, update.sequence()));
            }
            bulk.execute();
        }
        pending.clear();
        updates.clear();
        prefetched.clear();
    }

    /** One collection's increments (upserts), then the conditional updates they asked for afterwards. */
    private void flushIncrements(Class<?> type, Map<String, Pending> writes) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
        BulkOperations afterwards = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, type);
        int upserts = 0;
        int conditionals = 0;
        for (Map.Entry<String, Pending> write : writes.entrySet()) {
            if (write.getValue().kind != Kind.INCREMENTS) {
                continue;
            }
            Increments increments = (Increments) write.getValue().document;
            Update update = increments.update();
            if (update == null) {
                continue;
            }
            bulk.upsert(Query.query(where("_id").is(write.getKey())), update);
            upserts++;
            for (Conditional conditional : increments.afterwards()) {
                afterwards.updateOne(Query.query(where("_id").is(write.getKey())
                        .andOperator(conditional.condition())), conditional.update());
                conditionals++;
            }
        }
        if (upserts > 0) {
            execute(bulk);
        }
        if (conditionals > 0) {
            afterwards.execute();
        }
    }

    private Map<String, Pending> writes(Class<?> type) {
        return pending.computeIfAbsent(type, t -> new LinkedHashMap<>());
    }

    private static void execute(BulkOperations bulk) {
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == 11000)) {
                throw e;
            }
        } catch (DuplicateKeyException e) {
            // a single write that found its document stored already
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(error -> error.getCode() == 11000)) {
                throw e;
            }
        }
    }

    private enum Kind { INSERT, SAVE, INCREMENTS }

    private record GuardedUpdate(String id, long sequence, Update update) {
    }

    private record Pending(Object document, Kind kind, long sequence) {
        Pending {
            Objects.requireNonNull(document, "document");
        }

        void addTo(BulkOperations bulk, String id) {
            bulk.replaceOne(Query.query(where("_id").is(id).and(Guarded.LAST_SEQUENCE).lt(sequence)), document,
                    FindAndReplaceOptions.options().upsert());
        }
    }
}
