package estate.projections.workorders;

import java.math.BigDecimal;
import java.util.List;

/**
 * Labour and materials spent on an estate's repairs and inspections in one year, by month and category, against the
 * year's budget ({@code budget}, {@code remaining} and {@code overBudget} are null when no budget is set).
 */
public record MaintenanceCostReport(String estateId, int year, String currency, BigDecimal budget, BigDecimal spent,
                                    BigDecimal remaining, Boolean overBudget, List<Row> rows, List<Total> byMonth,
                                    List<Total> byCategory) {

    public record Row(String month, String category, int completions, BigDecimal labourHours, BigDecimal labourCost,
                      BigDecimal materialsCost, BigDecimal total) {
    }

    public record Total(String key, BigDecimal labourCost, BigDecimal materialsCost, BigDecimal total) {
    }
}
