package estate.domain.complaints;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Deadline arithmetic: whole seconds, rounded up, so a deadline is never earlier than its target. */
public final class ComplaintDeadlines {

    private ComplaintDeadlines() {
    }

    public static Instant due(Instant start, int minutes) {
        Instant at = start.plus(Duration.ofMinutes(minutes));
        Instant seconds = at.truncatedTo(ChronoUnit.SECONDS);
        return seconds.equals(at) ? seconds : seconds.plusSeconds(1);
    }

    /** On the deadline itself is on time. */
    public static boolean isLate(Instant at, Instant due) {
        return at.isAfter(due);
    }
}
