package estate.domain.workorders;

/** Who reported a work order: an owner through the app, a staff member, or an inspection (a failed check). */
public enum ReportSource {
    OWNER_APP, STAFF, INSPECTION
}
