package estate.projections.complaints.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Results of a survey: per question overall, per building and per category. Ratings: count, average (2 places,
 * HALF_EVEN) and distribution 1–5; choices: counts per option; free text: the answers, staff only (else empty).
 */
public record SurveyResults(String surveyId, String estateId, String title, String buildingId, boolean closed,
                            int responses, List<QuestionResult> questions, Map<String, List<QuestionResult>> byBuilding,
                            Map<String, Tally> byCategory) {

    public record QuestionResult(String questionId, String type, String text, String category, int answers,
                                 BigDecimal average, Map<String, Long> counts, List<String> freeText) {
    }

    /** The rating questions of one category: how many ratings and their average. */
    public record Tally(int ratings, BigDecimal average) {

        /** The count and average (2 places, HALF_EVEN; null when empty) of ratings. */
        public static Tally of(List<Integer> ratings) {
            if (ratings.isEmpty()) {
                return new Tally(0, null);
            }
            long sum = ratings.stream().mapToLong(Integer::longValue).sum();
            return new Tally(ratings.size(), BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings.size()), 2,
                    RoundingMode.HALF_EVEN));
        }
    }
}
