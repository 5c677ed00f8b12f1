package estate.projections.complaints.surveys;

/** Queries of the survey read models. */
public final class SurveyQueries {

    private SurveyQueries() {
    }

    public record GetSurvey(String surveyId) {
    }

    /** {@code withFreeText}: false for owners, who never see other owners' free text. */
    public record GetSurveyResults(String surveyId, boolean withFreeText) {
    }

    /** {@code month}: yyyy-MM. */
    public record GetSatisfaction(String estateId, String month) {
    }
}
