package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the escalation queue shows of the work order behind an escalation. */
@Document("escalation_orders")
record EscalationOrder(@Id String workOrderId, String estateId, String category, String locationLabel,
                       String description) {
}
