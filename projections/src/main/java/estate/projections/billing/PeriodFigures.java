package estate.projections.billing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One estate's additive figures of one billing period (id {@code estateId|period}), over the charges of that
 * period: billed, principal collected and waived, principal paid by fee item (every fee item billed in the period
 * has a key), late fees paid, and how many accounts were billed. Maintained by {@link StatementProjection} with
 * increments; collection rate and income by item are read from these instead of the statements.
 * <p>
 * {@code applied} is the guard that makes the increments idempotent: per account (key escaped, see
 * {@link StatementProjection}), the sequence number of its last event counted here, set in the same atomic update
 * as the increments. The query handlers do not read it. Absent money fields are zero.
 */
@Document("estate_period_figures")
public record PeriodFigures(@Id String id, String estateId, String period, BigDecimal billed, BigDecimal collected,
                            BigDecimal waived, BigDecimal lateFeePaid, Map<String, BigDecimal> paid, int accounts,
                            Map<String, Long> applied) {

    static final String APPLIED = "applied";

    static String idOf(String estateId, String period) {
        return estateId + "|" + period;
    }
}
