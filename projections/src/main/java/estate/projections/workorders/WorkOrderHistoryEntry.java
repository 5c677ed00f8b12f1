package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One step of a work order's history — the repair record and maintenance log: what happened, when (the business
 * time the event carries) and who recorded it, in which role (from the event's metadata). The id is work order and
 * sequence number, so a replayed event lands on the same line.
 */
@Document("work_order_history")
public record WorkOrderHistoryEntry(@Id String id, String workOrderId, String estateId, long sequence, String kind,
                                    Instant occurredAt, String summary, String recordedBy, String recordedByRole) {
}
