package estate.projections.complaints;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One step of a complaint's history, what auditors replay: what happened, when (the business time the event
 * carries) and who recorded it, in which role (from the event's metadata). The id is complaint and sequence number,
 * so a redelivered or replayed event lands on the same line. Internal notes are included: staff only.
 */
@Document("complaint_history")
public record ComplaintHistoryEntry(@Id String id, String complaintId, String estateId, long sequence, String kind,
                                    Instant occurredAt, String summary, String recordedBy, String recordedByRole) {
}
