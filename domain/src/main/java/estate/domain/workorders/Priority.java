package estate.domain.workorders;

/** How fast a work order must be answered and resolved; the estate's SLA targets are set per priority. */
public enum Priority {
    EMERGENCY, URGENT, NORMAL, LOW
}
