package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * The SLA outcome of one round of a work order (round 0, and one more per reopening): for response and resolution,
 * whether the deadline was met or breached, and by whom (the assignee who accepted or completed, or who held the
 * order when the deadline passed; "(unassigned)" before dispatch). {@code month} is when the clock started.
 */
@Document("sla_records")
record SlaRecord(@Id String id, String estateId, String workOrderId, int round, String priority, String month,
                 Instant responseDue, String responseOutcome, String responder, Instant resolutionDue,
                 String resolutionOutcome, String resolver, long lastSequence) {

    static final String PENDING = "PENDING";
    static final String MET = "MET";
    static final String BREACHED = "BREACHED";
    static final String CANCELLED = "CANCELLED";
    static final String UNASSIGNED = "(unassigned)";
}
