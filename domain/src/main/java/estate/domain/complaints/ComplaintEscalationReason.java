package estate.domain.complaints;

/** Why a complaint was escalated to the estate's manager. */
public enum ComplaintEscalationReason {
    ACKNOWLEDGE_OVERDUE, RESOLUTION_OVERDUE,
    /** The complainant did not accept the resolution. */
    REOPENED,
    /** The same account complained within {@link EscalationPolicy#REPEAT_WINDOW_DAYS} days before. */
    REPEAT_COMPLAINT;

    static ComplaintEscalationReason overdue(DeadlineKind kind) {
        return kind == DeadlineKind.ACKNOWLEDGE ? ACKNOWLEDGE_OVERDUE : RESOLUTION_OVERDUE;
    }
}
