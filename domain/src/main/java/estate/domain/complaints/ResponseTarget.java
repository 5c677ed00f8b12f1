package estate.domain.complaints;

import java.util.Objects;

/** For one category: acknowledge within {@code acknowledgeMinutes}, resolve within {@code resolveMinutes} of receipt. */
public record ResponseTarget(ComplaintCategory category, int acknowledgeMinutes, int resolveMinutes) {
    public ResponseTarget {
        Objects.requireNonNull(category, "category");
        if (acknowledgeMinutes < 1 || resolveMinutes < 1 || acknowledgeMinutes > 30 * 24 * 60
                || resolveMinutes > 90 * 24 * 60) {
            throw new IllegalArgumentException("Targets are 1 minute to 30 days (acknowledge), 90 days (resolve)");
        }
        if (acknowledgeMinutes > resolveMinutes) {
            throw new IllegalArgumentException("Acknowledging cannot take longer than resolving");
        }
    }
}
