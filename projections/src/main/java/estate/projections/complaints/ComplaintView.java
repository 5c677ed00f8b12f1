package estate.projections.complaints;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One complaint as the queue shows it; {@code lastSequence} makes every update idempotent (Guarded).
 * {@code openEstateId} is the estate while the queue shows it (an open status), else null
 * ({@link estate.projections.support.OpenEstateIndex}).
 */
@Document("complaint_view")
public record ComplaintView(@Id String id, String estateId, String accountId, String buildingId, String channel,
                            String category, String description, String status, String handler,
                            Instant acknowledgeDue, Instant resolutionDue, boolean overdue, boolean awaitingReturnVisit,
                            String resolution, String workOrderId, Integer satisfaction, int reopenCount,
                            int escalationLevel, String repeatOf, Instant receivedAt, Instant acknowledgedAt,
                            Instant resolvedAt, Instant closedAt, String openEstateId,
                            long lastSequence) {
}
