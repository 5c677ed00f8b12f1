package estate.domain.complaints.surveys;

import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Commands of satisfaction surveys (满意度调查). */
public final class SurveyCommands {

    private SurveyCommands() {
    }

    public record DefineSurvey(@TargetAggregateIdentifier SurveyId surveyId, EstateId estateId, String title,
                               List<Question> questions, Instant definedAt) {
        public DefineSurvey {
            Objects.requireNonNull(surveyId, "surveyId");
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(definedAt, "definedAt");
            questions = questions == null ? List.of() : List.copyOf(questions);
        }
    }

    /** To all owners of the estate ({@code buildingId} null) or of one building, open from/to the local dates. */
    public record SendSurvey(@TargetAggregateIdentifier SurveyId surveyId, BuildingId buildingId, LocalDate opensOn,
                             LocalDate closesOn, Instant sentAt) {
        public SendSurvey {
            Objects.requireNonNull(surveyId, "surveyId");
            Objects.requireNonNull(opensOn, "opensOn");
            Objects.requireNonNull(closesOn, "closesOn");
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }

    public record AnswerSurvey(@TargetAggregateIdentifier SurveyId surveyId, OwnerAccountId accountId,
                               List<Answer> answers, Instant answeredAt) {
        public AnswerSurvey {
            Objects.requireNonNull(surveyId, "surveyId");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(answeredAt, "answeredAt");
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    public record CloseSurvey(@TargetAggregateIdentifier SurveyId surveyId, Instant closedAt) {
        public CloseSurvey {
            Objects.requireNonNull(surveyId, "surveyId");
            Objects.requireNonNull(closedAt, "closedAt");
        }
    }
}
