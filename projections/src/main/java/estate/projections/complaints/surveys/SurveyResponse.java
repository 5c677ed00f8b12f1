package estate.projections.complaints.surveys;

import estate.domain.complaints.surveys.Answer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** One account's answers to one survey; the id {@code surveyId:accountId} makes a second delivery a no-op. */
@Document("survey_responses")
public record SurveyResponse(@Id String id, String surveyId, String estateId, String accountId, String buildingId,
                             List<Answer> answers, Instant answeredAt) {
}
