package estate.domain.workorders;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA terms one work order runs under, copied from the estate's {@link ServiceTerms} when its priority was set,
 * so that later changes to the estate's terms do not move its deadlines.
 */
public record ServiceLevel(int responseMinutes, int resolutionMinutes, boolean holdPausesClock,
                           int reopenWindowDays) {

    /** Whether an order completed at {@code completedAt} may still be reopened at {@code at}. */
    public boolean allowsReopen(Instant completedAt, Instant at) {
        return !at.isAfter(completedAt.plus(Duration.ofDays(reopenWindowDays)));
    }
}
