package estate.domain.complaints;

/** Where a complaint stands. RESOLVED waits for the complainant's answer (a rating or a return visit). */
public enum ComplaintStatus {
    RECEIVED, ACKNOWLEDGED, ASSIGNED, INVESTIGATING, RESOLVED, CLOSED, WITHDRAWN, MERGED;

    public boolean isOpen() {
        return this != CLOSED && this != WITHDRAWN && this != MERGED;
    }
}
