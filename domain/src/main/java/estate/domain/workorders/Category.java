package estate.domain.workorders;

/** What kind of facility or service a work order is about. */
public enum Category {
    ELEVATOR, WATER_SUPPLY, HEATING, ELECTRICAL, FIRE_SAFETY, SECURITY_MONITORING, CLEANING, GREENING, OTHER
}
