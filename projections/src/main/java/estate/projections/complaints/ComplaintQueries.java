package estate.projections.complaints;

/** Queries of the complaint read models. */
public final class ComplaintQueries {

    private ComplaintQueries() {
    }

    public record GetComplaint(String complaintId) {
    }

    /** {@code view}: open, overdue or return-visits; {@code handler} optional. */
    public record FindComplaintQueue(String estateId, String view, String handler) {
    }

    /** How many complaints of an estate are open, overdue and awaiting a return visit: the dashboard's counts. */
    public record CountOpenComplaints(String estateId) {
    }

    public record FindComplaintsOfAccount(String accountId) {
    }

    /** The timeline of one complaint, oldest first. */
    public record GetComplaintHistory(String complaintId) {
    }

    /** The complaint analysis of an estate. */
    public record GetComplaintAnalysis(String estateId) {
    }
}
