package estate.projections.complaints.surveys;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One satisfaction rating (1–5) of an estate in a month (UTC, yyyy-MM, like the complaint analysis). {@code source}:
 * SURVEY, RETURN_VISIT, COMPLAINT_RATING or WORK_ORDER. The id is deterministic, so a second delivery is a no-op.
 */
@Document("satisfaction_ratings")
public record SatisfactionRating(@Id String id, String estateId, String month, String source, int rating) {
}
