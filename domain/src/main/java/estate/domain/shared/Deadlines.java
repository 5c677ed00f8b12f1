package estate.domain.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Deadline arithmetic and the rule for recording a missed deadline, shared by the contexts with service clocks
 * (work orders, complaints). Deadlines are whole seconds, rounded up, so a deadline is never earlier than its
 * target and reads back exactly from any store; on the deadline itself is on time.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** The moment {@code minutes} after {@code start}. */
    public static Instant due(Instant start, int minutes) {
        return ceilToSecond(start.plus(Duration.ofMinutes(minutes)));
    }

    public static Instant ceilToSecond(Instant instant) {
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        return seconds.equals(instant) ? seconds : seconds.plusSeconds(1);
    }

    /** Whether something done at {@code at} missed {@code due}. */
    public static boolean isLate(Instant at, Instant due) {
        return at.isAfter(due);
    }

    /**
     * A sweeper claims that the {@code kind} deadline {@code claimed} of {@code subject} was missed, noticed at
     * {@code detectedAt}: accepted once, while the clock runs, for the deadline in force, once it has passed.
     * Each refusal has a stable code; {@code notRunningCode} is the context's own.
     */
    public static void requireMissed(Object subject, Object kind, boolean alreadyMissed, boolean running,
                                     String notRunningCode, Instant due, Instant claimed, Instant detectedAt) {
        if (alreadyMissed) {
            throw DomainRuleViolation.conflict("already-breached",
                    "The " + kind + " deadline of " + subject + " is recorded as missed already");
        }
        if (!running) {
            throw DomainRuleViolation.conflict(notRunningCode,
                    "The " + kind + " clock of " + subject + " is not running");
        }
        if (!claimed.equals(due)) {
            throw DomainRuleViolation.conflict("deadline-moved",
                    "The " + kind + " deadline of " + subject + " is " + due);
        }
        if (!isLate(detectedAt, due)) {
            throw DomainRuleViolation.conflict("deadline-not-reached",
                    "The " + kind + " deadline " + due + " has not passed");
        }
    }
}
