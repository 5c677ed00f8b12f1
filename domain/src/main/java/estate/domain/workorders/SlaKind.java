package estate.domain.workorders;

/**
 * The two SLA clocks of a work order: RESPONSE runs from the report until the assignee accepts, RESOLUTION from
 * the report until the work is completed.
 */
public enum SlaKind {
    RESPONSE, RESOLUTION
}
