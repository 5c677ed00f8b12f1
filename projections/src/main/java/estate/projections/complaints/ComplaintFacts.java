package estate.projections.complaints;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What the complaint analysis needs of one complaint. {@code month}: the month of receipt (UTC, yyyy-MM);
 * {@code place}: the building, else {@code "unknown"}; {@code resolvedAt}: the first resolution.
 * {@code lastSequence} makes every update idempotent (Guarded).
 */
@Document("complaint_facts")
public record ComplaintFacts(@Id String id, String estateId, String accountId, String place, String channel,
                             String category, String month, String repeatOf, Instant receivedAt,
                             Instant acknowledgedAt, Instant resolvedAt, int reopenCount, long lastSequence) {
}
