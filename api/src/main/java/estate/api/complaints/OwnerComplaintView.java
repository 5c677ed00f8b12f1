package estate.api.complaints;

import estate.projections.complaints.ComplaintView;

import java.time.Instant;

/** What the complainant sees of their complaint: status and outcome, never handler, escalations or notes. */
public record OwnerComplaintView(String id, String category, String description, String status, String resolution,
                                 boolean awaitingReturnVisit, Instant receivedAt, Instant acknowledgedAt,
                                 Instant resolvedAt, Instant closedAt) {

    static OwnerComplaintView of(ComplaintView v) {
        return new OwnerComplaintView(v.id(), v.category(), v.description(), v.status(), v.resolution(),
                v.awaitingReturnVisit(), v.receivedAt(), v.acknowledgedAt(), v.resolvedAt(), v.closedAt());
    }
}
