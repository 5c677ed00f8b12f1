package estate.domain.complaints;

/** The two rapid-response clocks: ACKNOWLEDGE runs from receipt to the first response, RESOLUTION to the resolution. */
public enum DeadlineKind {
    ACKNOWLEDGE, RESOLUTION
}
