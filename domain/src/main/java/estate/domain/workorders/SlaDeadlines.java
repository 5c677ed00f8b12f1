package estate.domain.workorders;

import estate.domain.shared.Deadlines;

import java.time.Duration;
import java.time.Instant;

/** What only work orders need of deadline arithmetic: a hold that stops the clock moves the deadline. */
public final class SlaDeadlines {

    private SlaDeadlines() {
    }

    /** A resolution deadline moved by the time the clock stood still while the work was on hold. */
    public static Instant extendedByPause(Instant due, Instant heldAt, Instant resumedAt) {
        Duration paused = resumedAt.isAfter(heldAt) ? Duration.between(heldAt, resumedAt) : Duration.ZERO;
        return Deadlines.ceilToSecond(due.plus(paused));
    }
}
