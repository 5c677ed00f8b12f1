package estate.domain.workorders;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * SLA deadline arithmetic. Deadlines are whole seconds, rounded up, so that a deadline is never earlier than its
 * target and reads back exactly from any store.
 */
public final class SlaDeadlines {

    private SlaDeadlines() {
    }

    /** The moment {@code minutes} after {@code start}. */
    public static Instant due(Instant start, int minutes) {
        return ceilToSecond(start.plus(Duration.ofMinutes(minutes)));
    }

    /** A resolution deadline moved by the time the clock stood still while the work was on hold. */
    public static Instant extendedByPause(Instant due, Instant heldAt, Instant resumedAt) {
        Duration paused = resumedAt.isAfter(heldAt) ? Duration.between(heldAt, resumedAt) : Duration.ZERO;
        return ceilToSecond(due.plus(paused));
    }

    /** Whether something done at {@code at} missed {@code due} (on the deadline itself is on time). */
    public static boolean isLate(Instant at, Instant due) {
        return at.isAfter(due);
    }

    static Instant ceilToSecond(Instant instant) {
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        return seconds.equals(instant) ? seconds : seconds.plusSeconds(1);
    }
}
