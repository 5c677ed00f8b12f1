package estate.domain.complaints;

import estate.domain.estates.EstateId;

/** The command-side answer to who may act on a complaint: current as soon as the command that filed it returned. */
public final class ComplaintAccessQueries {

    private ComplaintAccessQueries() {
    }

    public record FindComplaintAccess(ComplaintId complaintId) {
    }

    /** {@code accountId} null: anonymous; {@code receivedBy}: the login that filed it. */
    public record ComplaintAccess(ComplaintId complaintId, EstateId estateId, String accountId, String receivedBy) {
    }
}
