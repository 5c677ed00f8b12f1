package estate.domain.complaints.surveys;

import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Events of a satisfaction survey. Released events are never renamed or moved (add a revision and an upcaster). */
public sealed interface SurveyEvent {

    SurveyId surveyId();

    EstateId estateId();

    @Revision("1")
    record SurveyDefined(SurveyId surveyId, EstateId estateId, String title, List<Question> questions,
                         Instant definedAt) implements SurveyEvent {
    }

    /** {@code buildingId} null: all owners of the estate. Open from {@code opensOn} to {@code closesOn} in {@code zoneId}. */
    @Revision("1")
    record SurveySent(SurveyId surveyId, EstateId estateId, BuildingId buildingId, LocalDate opensOn,
                      LocalDate closesOn, ZoneId zoneId, Instant sentAt) implements SurveyEvent {
    }

    /** {@code buildingId}: the building the account answers for (the survey's, else the account's first), or null. */
    @Revision("1")
    record SurveyAnswered(SurveyId surveyId, EstateId estateId, OwnerAccountId accountId, BuildingId buildingId,
                          List<Answer> answers, Instant answeredAt) implements SurveyEvent {
    }

    @Revision("1")
    record SurveyClosed(SurveyId surveyId, EstateId estateId, Instant closedAt) implements SurveyEvent {
    }
}
