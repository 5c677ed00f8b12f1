package estate.projections.complaints.surveys;

import estate.domain.complaints.surveys.Question;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/** A survey as defined and sent; {@code buildingId} null: the whole estate. {@code lastSequence}: Guarded. */
@Document("survey_views")
public record SurveyView(@Id String id, String estateId, String title, List<Question> questions, String buildingId,
                         LocalDate opensOn, LocalDate closesOn, boolean sent, boolean closed, long lastSequence) {
}
