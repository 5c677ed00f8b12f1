package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reported fault, counted by place ({@code locationKey}: a unit or a named facility), category and month of the
 * report in the estate's time zone. A cancelled report stays, marked, and is not counted.
 */
@Document("problem_reports")
record ProblemReport(@Id String workOrderId, String estateId, String locationKey, String locationLabel,
                     String category, String month, String source, boolean cancelled, long lastSequence) {
}
