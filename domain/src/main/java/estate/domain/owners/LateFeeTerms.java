package estate.domain.owners;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How late fees accrue on an account's overdue charges: after {@code graceDays} past the due date,
 * {@code dailyRate} of the principal still outstanding at the end of each day, capped at {@code capRatio}
 * of the charge's principal. Taken from the estate's fee schedule by the daily run.
 */
public record LateFeeTerms(int graceDays, BigDecimal dailyRate, BigDecimal capRatio) {
    public LateFeeTerms {
        if (graceDays < 0) {
            throw new IllegalArgumentException("graceDays must not be negative");
        }
        Objects.requireNonNull(dailyRate, "dailyRate");
        Objects.requireNonNull(capRatio, "capRatio");
    }
}
