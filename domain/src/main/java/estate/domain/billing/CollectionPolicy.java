package estate.domain.billing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * When bills fall due and how late fees (滞纳金) accrue: charges of a period are due on {@code dueDayOfMonth}
 * of that month; after {@code graceDays} past the due date a late fee of {@code dailyRate} (0.0005 = 0.05 %)
 * of the amount still outstanding accrues each day, capped at {@code capRatio} of the charge's principal.
 */
public record CollectionPolicy(int dueDayOfMonth, int graceDays, BigDecimal dailyRate, BigDecimal capRatio) {

    public static final CollectionPolicy DEFAULT = new CollectionPolicy(15, 0, new BigDecimal("0.0005"),
            BigDecimal.ONE);

    public CollectionPolicy {
        if (dueDayOfMonth < 1 || dueDayOfMonth > 28) {
            throw new IllegalArgumentException("dueDayOfMonth must be 1-28");
        }
        if (graceDays < 0 || graceDays > 365) {
            throw new IllegalArgumentException("graceDays must be 0-365");
        }
        Objects.requireNonNull(dailyRate, "dailyRate");
        Objects.requireNonNull(capRatio, "capRatio");
        if (dailyRate.signum() < 0 || dailyRate.compareTo(new BigDecimal("0.01")) > 0) {
            throw new IllegalArgumentException("dailyRate must be between 0 and 0.01 (1 % a day)");
        }
        if (capRatio.signum() < 0 || capRatio.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("capRatio must be between 0 and 1");
        }
    }
}
