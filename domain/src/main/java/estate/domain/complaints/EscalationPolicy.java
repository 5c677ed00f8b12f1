package estate.domain.complaints;

import java.time.Duration;
import java.time.Instant;

/**
 * Escalation levels (severity) of a complaint, all to the estate's MANAGER. A first missed deadline escalates at
 * level 1; a second missed deadline, a reopening or a repeat complaint escalates one level above the complaint's
 * current level, and at least at level 2. Levels stop at {@value #MAX_LEVEL}.
 */
public final class EscalationPolicy {

    public static final int REPEAT_WINDOW_DAYS = 30;
    public static final int MAX_LEVEL = 3;
    public static final String ESCALATED_TO = "MANAGER";

    private EscalationPolicy() {
    }

    /** {@code breachesBefore}: missed deadlines recorded before this escalation; {@code currentLevel}: 0 if none. */
    public static int levelFor(ComplaintEscalationReason reason, int breachesBefore, int currentLevel) {
        boolean firstBreach = (reason == ComplaintEscalationReason.ACKNOWLEDGE_OVERDUE
                || reason == ComplaintEscalationReason.RESOLUTION_OVERDUE) && breachesBefore == 0;
        int level = firstBreach ? Math.max(1, currentLevel) : Math.max(2, currentLevel + 1);
        return Math.min(MAX_LEVEL, level);
    }

    /** Whether a complaint received at {@code earlier} makes one received at {@code now} a repeat. */
    public static boolean isRepeat(Instant earlier, Instant now) {
        return !earlier.isAfter(now) && !earlier.isBefore(now.minus(Duration.ofDays(REPEAT_WINDOW_DAYS)));
    }
}
