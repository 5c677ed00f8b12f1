package estate.projections.complaints.surveys;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The satisfaction KPI of an estate in a month: every rating (1–5) of the month from survey rating questions,
 * complaint return visits and resolution ratings, and work-order verifications; the overall average weighs each
 * rating once. {@code satisfiedShare}: ratings of 4 or 5 / ratings. Null averages when there is nothing to average.
 */
public record SatisfactionKpi(String estateId, String month, int ratings, BigDecimal average,
                              BigDecimal satisfiedShare, Map<String, SurveyResults.Tally> bySource) {
}
