package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** What the SLA report keeps of each work order: its zone, priority, current round (reopenings) and assignee. */
@Document("sla_orders")
record SlaOrder(@Id String workOrderId, String estateId, String zoneId, Instant reportedAt, String priority, int round,
                String assignee, long lastSequence) {
}
