package estate.projections.workorders;

import java.math.BigDecimal;
import java.util.List;

/**
 * On-time rates of an estate's work orders whose clocks started in months {@code from}..{@code to}: per priority and
 * per staff member (or supplier). A rate is met / (met + breached), four decimals; null when nothing was decided yet.
 */
public record SlaReport(String estateId, String from, String to, List<Row> byPriority, List<Row> byAssignee) {

    public record Row(String key, int responseMet, int responseBreached, BigDecimal responseOnTimeRate,
                      int resolutionMet, int resolutionBreached, BigDecimal resolutionOnTimeRate) {
    }
}
