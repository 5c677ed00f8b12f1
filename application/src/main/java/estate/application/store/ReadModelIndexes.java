package estate.application.store;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;

import java.util.List;
import java.util.Map;

/**
 * The read models' secondary indexes: the fields the query handlers select by, other than {@code _id}. Created
 * at start and again whenever a collection is dropped (a projection's reset drops its collections, and with them
 * their indexes). On MongoDB these are ordinary indexes; on the embedded server {@link IndexedFileBackend} (and
 * {@link IndexedMemoryBackend}) serve equality queries on them.
 */
public final class ReadModelIndexes {

    /** Collection (as the read models' {@code @Document} names it) → indexed fields. */
    static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("ledger_entries", List.of("accountId")),
            Map.entry("customer_file", List.of("accountId")),
            Map.entry("owner_directory", List.of("portalUser", "estateId")),
            Map.entry("account_statements", List.of("estateId")),
            Map.entry("estate_period_figures", List.of("estateId")),
            Map.entry("finance_reports", List.of("estateId")),
            Map.entry("budget_lines", List.of("estateId")),
            Map.entry("complaint_view", List.of("estateId", "accountId", "openEstateId")),
            Map.entry("complaint_history", List.of("complaintId")),
            Map.entry("complaint_facts", List.of("estateId")),
            Map.entry("survey_responses", List.of("surveyId")),
            Map.entry("satisfaction_ratings", List.of("estateId")),
            Map.entry("problem_reports", List.of("estateId")),
            Map.entry("work_order_history", List.of("workOrderId")),
            Map.entry("inspection_plans", List.of("estateId")),
            Map.entry("work_orders", List.of("estateId", "reportedBy", "openEstateId")),
            Map.entry("maintenance_cost_lines", List.of("estateId")),
            Map.entry("maintenance_budgets", List.of("estateId")),
            Map.entry("escalations", List.of("estateId", "openEstateId")),
            Map.entry("sla_records", List.of("estateId")));

    private ReadModelIndexes() {
    }

    /** Ensures every index (idempotent). */
    static void ensureAll(MongoOperations mongo) {
        FIELDS.keySet().forEach(collection -> ensure(mongo, collection));
    }

    /** Ensures the indexes of the collection, if it is a read model's. */
    static void ensure(MongoOperations mongo, String collection) {
        for (String field : FIELDS.getOrDefault(collection, List.of())) {
            mongo.indexOps(collection).ensureIndex(new Index().on(field, Sort.Direction.ASC).named(field));
        }
    }
}
