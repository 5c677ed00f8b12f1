package estate.projections.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * Budget against actual for one estate and year. Actual income is what was collected for charges of the year's
 * months, by fee item; actual expenses come from the contracts and work-order contexts when they report them
 * (zero until then).
 */
public record BudgetView(String estateId, int year, String currency, List<Line> lines) {

    public record Line(String kind, String category, BigDecimal budget, BigDecimal actual, BigDecimal variance) {
    }
}
