package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One entry of an estate manager's escalation queue — the notification of an emergency, a missed deadline or a
 * refused repair charge — until the manager acknowledges it. Id: work order and escalation number.
 * {@code openEstateId} is the estate until then, null after ({@link estate.projections.support.OpenEstateIndex}).
 */
@Document("escalations")
public record EscalationView(@Id String id, String estateId, String workOrderId, int escalation, String reason,
                             String priority, Instant deadline, Instant escalatedAt, String category,
                             String locationLabel, String description, Instant acknowledgedAt, String acknowledgedBy,
                             String note, String openEstateId, long lastSequence) {
}
