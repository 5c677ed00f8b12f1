package estate.domain.complaints;

/** When customer service calls back (回访) after a resolution: always, only when the complainant did not rate it, never. */
public enum ReturnVisitPolicy {
    ALWAYS, ONLY_WHEN_NOT_RATED, NEVER
}
