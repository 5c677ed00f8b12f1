package estate.domain.workorders;

/** Why a work order was escalated to the estate's manager. */
public enum EscalationReason {
    /** An emergency order: escalated the moment its priority is known. */
    EMERGENCY,
    RESPONSE_OVERDUE,
    RESOLUTION_OVERDUE,
    /** Finance refused the paid-repair charge (for example, the account was closed). */
    REPAIR_CHARGE_FAILED;

    static EscalationReason overdue(SlaKind kind) {
        return kind == SlaKind.RESPONSE ? RESPONSE_OVERDUE : RESOLUTION_OVERDUE;
    }
}
