package estate.domain.complaints;

import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Events of a complaint: the permanent record auditors replay. Never renamed or moved once released (add a revision
 * and an upcaster). Each names its complaint and estate and carries the business time; who did it is in metadata.
 */
public sealed interface ComplaintEvent {

    ComplaintId complaintId();

    EstateId estateId();

    /**
     * Received; the deadlines and return-visit policy are the estate's terms at receipt. {@code accountId} null:
     * anonymous. {@code repeatOf}: the account's latest complaint within 30 days, if any.
     */
    @Revision("1")
    record ComplaintReceived(ComplaintId complaintId, EstateId estateId, Channel channel, ComplaintCategory category,
                             OwnerAccountId accountId, BuildingId buildingId, String description, String receivedBy,
                             Instant acknowledgeDue, Instant resolutionDue, int resolveMinutes,
                             ReturnVisitPolicy returnVisitPolicy, ComplaintId repeatOf, Instant receivedAt)
            implements ComplaintEvent {
    }

    @Revision("1")
    record ComplaintAcknowledged(ComplaintId complaintId, EstateId estateId, String message, Instant acknowledgedAt)
            implements ComplaintEvent {
    }

    @Revision("1")
    record ComplaintAssigned(ComplaintId complaintId, EstateId estateId, Handler handler, Instant assignedAt)
            implements ComplaintEvent {
    }

    @Revision("1")
    record ComplaintTransferred(ComplaintId complaintId, EstateId estateId, Handler previousHandler, Handler handler,
                                String reason, Instant transferredAt) implements ComplaintEvent {
    }

    @Revision("1")
    record InvestigationStarted(ComplaintId complaintId, EstateId estateId, Handler handler, Instant startedAt)
            implements ComplaintEvent {
    }

    /** Staff only: never shown to the complainant. */
    @Revision("1")
    record InternalNoteAdded(ComplaintId complaintId, EstateId estateId, String note, Instant addedAt)
            implements ComplaintEvent {
    }

    /** {@code workOrderId}: the repair requested with it, or null; {@code returnVisitDue}: whether a call back is due. */
    @Revision("1")
    record ComplaintResolved(ComplaintId complaintId, EstateId estateId, Handler handler, String resolution,
                             List<String> actions, String workOrderId, boolean returnVisitDue, Instant resolvedAt)
            implements ComplaintEvent {
    }

    /** A work order {@code workOrderId} is to be opened for the complaint (by the complaint-work-orders process). */
    @Revision("1")
    record WorkOrderRequested(ComplaintId complaintId, EstateId estateId, String workOrderId,
                              ComplaintCategory category, OwnerAccountId accountId, WorkOrderRequest request,
                              Instant requestedAt) implements ComplaintEvent {
    }

    @Revision("1")
    record LinkedWorkOrderCompleted(ComplaintId complaintId, EstateId estateId, String workOrderId,
                                    Instant completedAt) implements ComplaintEvent {
    }

    @Revision("1")
    record ResolutionRated(ComplaintId complaintId, EstateId estateId, int rating, boolean accepted, String comment,
                           Instant ratedAt) implements ComplaintEvent {
    }

    @Revision("1")
    record ReturnVisitRecorded(ComplaintId complaintId, EstateId estateId, int satisfaction, boolean accepted,
                               String notes, Instant visitedAt) implements ComplaintEvent {
    }

    @Revision("1")
    record ComplaintClosed(ComplaintId complaintId, EstateId estateId, Instant closedAt) implements ComplaintEvent {
    }

    /**
     * Not accepted: back to the handler ({@code handler}, against whom it counts), the resolution clock running again
     * from the reopening. {@code reopenCount}: 1 for the first reopening.
     */
    @Revision("1")
    record ComplaintReopened(ComplaintId complaintId, EstateId estateId, Handler handler, String reason,
                             int reopenCount, Instant resolutionDue, Instant reopenedAt) implements ComplaintEvent {
    }

    @Revision("1")
    record ComplaintWithdrawn(ComplaintId complaintId, EstateId estateId, String reason, boolean byComplainant,
                              Instant withdrawnAt) implements ComplaintEvent {
    }

    @Revision("1")
    record ComplaintMerged(ComplaintId complaintId, EstateId estateId, ComplaintId into, Instant mergedAt)
            implements ComplaintEvent {
    }

    /** {@code handler}: who held the complaint then (null: nobody yet). */
    @Revision("1")
    record ComplaintDeadlineMissed(ComplaintId complaintId, EstateId estateId, DeadlineKind kind, Instant deadline,
                                   Handler handler, Instant detectedAt) implements ComplaintEvent {
    }

    /** Numbered 1, 2, … per complaint; {@code level}: severity, see {@link EscalationPolicy}. */
    @Revision("1")
    record ComplaintEscalated(ComplaintId complaintId, EstateId estateId, int escalation,
                              ComplaintEscalationReason reason, int level, String escalatedTo, Instant deadline,
                              Instant escalatedAt) implements ComplaintEvent {
    }
}
