package estate.projections.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Answers of the estate finance queries. */
public final class FinanceFigures {

    private FinanceFigures() {
    }

    /** Open amounts by days overdue on {@code asOf}. */
    public record ArrearsAging(String estateId, LocalDate asOf, String currency, List<Bucket> buckets,
                               BigDecimal totalOverdue, int accountsOverdue) {
    }

    public record Bucket(String label, BigDecimal amount, int accounts, int charges) {
    }

    /** Billed, collected, waived and outstanding for one period's charges; rate = collected / (billed − waived). */
    public record CollectionRate(String estateId, YearMonth period, String currency, BigDecimal billed,
                                 BigDecimal collected, BigDecimal waived, BigDecimal outstanding, BigDecimal rate,
                                 int accountsBilled) {
        static BigDecimal rate(BigDecimal collected, BigDecimal due) {
            return due.signum() == 0 ? BigDecimal.ONE.setScale(4, RoundingMode.HALF_EVEN)
                    : collected.divide(due, 4, RoundingMode.HALF_EVEN);
        }
    }

    /** Income collected by fee item (late fees as LATE_FEE) for charges of the months from..to. */
    public record IncomeByItem(String estateId, YearMonth from, YearMonth to, String currency,
                               Map<String, BigDecimal> income, BigDecimal total) {
    }

    /** The answer of {@code GetEstateFinanceFigures}. */
    public record EstateFinanceFigures(ArrearsAging arrears, CollectionRate collection, IncomeByItem income) {
    }
}
