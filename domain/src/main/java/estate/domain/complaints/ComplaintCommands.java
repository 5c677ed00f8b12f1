package estate.domain.complaints;

import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Commands on complaints, from receipt to close; time always arrives in the command. */
public final class ComplaintCommands {

    private ComplaintCommands() {
    }

    /** {@code accountId} null: anonymous, where the channel allows it. {@code buildingId} optional, for analysis. */
    public record ReceiveComplaint(@TargetAggregateIdentifier ComplaintId complaintId, EstateId estateId,
                                   Channel channel, ComplaintCategory category, OwnerAccountId accountId,
                                   BuildingId buildingId, String description, String receivedBy,
                                   Instant receivedAt) {
        public ReceiveComplaint {
            Objects.requireNonNull(complaintId, "complaintId");
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(category, "category");
            description = Checks.text(description, "description", 4000);
            receivedBy = Checks.text(receivedBy, "receivedBy", 100);
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /** The first response to the complainant. */
    public record AcknowledgeComplaint(@TargetAggregateIdentifier ComplaintId complaintId, String message,
                                       Instant acknowledgedAt) {
        public AcknowledgeComplaint {
            Objects.requireNonNull(complaintId, "complaintId");
            message = Checks.text(message, "message", 1000);
            Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        }
    }

    public record AssignComplaint(@TargetAggregateIdentifier ComplaintId complaintId, Handler handler,
                                  Instant assignedAt) {
        public AssignComplaint {
            Objects.requireNonNull(complaintId, "complaintId");
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(assignedAt, "assignedAt");
        }
    }

    public record TransferComplaint(@TargetAggregateIdentifier ComplaintId complaintId, Handler handler,
                                    String reason, Instant transferredAt) {
        public TransferComplaint {
            Objects.requireNonNull(complaintId, "complaintId");
            Objects.requireNonNull(handler, "handler");
            reason = Checks.text(reason, "reason", 500);
            Objects.requireNonNull(transferredAt, "transferredAt");
        }
    }

    public record StartInvestigation(@TargetAggregateIdentifier ComplaintId complaintId, Instant startedAt) {
        public StartInvestigation {
            Objects.requireNonNull(complaintId, "complaintId");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }

    /** A note for staff only; the complainant never sees it. */
    public record AddInternalNote(@TargetAggregateIdentifier ComplaintId complaintId, String note, Instant addedAt) {
        public AddInternalNote {
            Objects.requireNonNull(complaintId, "complaintId");
            note = Checks.text(note, "note", 2000);
            Objects.requireNonNull(addedAt, "addedAt");
        }
    }

    /** {@code workOrder}: a repair to open for it, or null. */
    public record ResolveComplaint(@TargetAggregateIdentifier ComplaintId complaintId, String resolution,
                                   List<String> actions, WorkOrderRequest workOrder, Instant resolvedAt) {
        public ResolveComplaint {
            Objects.requireNonNull(complaintId, "complaintId");
            resolution = Checks.text(resolution, "resolution", 4000);
            actions = Checks.list(actions, "actions");
            if (actions.size() > 20 || actions.stream().anyMatch(a -> a == null || a.isBlank() || a.length() > 500)) {
                throw new IllegalArgumentException("At most 20 actions of 1-500 characters");
            }
            Objects.requireNonNull(resolvedAt, "resolvedAt");
        }
    }

    /** Sent by the work-order process when the requested order is completed. */
    public record RecordWorkOrderCompleted(@TargetAggregateIdentifier ComplaintId complaintId, String workOrderId,
                                           Instant completedAt) {
        public RecordWorkOrderCompleted {
            Objects.requireNonNull(complaintId, "complaintId");
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(completedAt, "completedAt");
        }
    }

    /** The complainant rates the resolution in the app and says whether they accept it. */
    public record RateResolution(@TargetAggregateIdentifier ComplaintId complaintId, int rating, boolean accepted,
                                 String comment, Instant ratedAt) {
        public RateResolution {
            Objects.requireNonNull(complaintId, "complaintId");
            if (rating < 1 || rating > 5) {
                throw new IllegalArgumentException("rating must be 1 to 5");
            }
            comment = Checks.optionalText(comment, "comment", 1000);
            Objects.requireNonNull(ratedAt, "ratedAt");
        }
    }

    /** Customer service called the complainant back (回访). */
    public record RecordReturnVisit(@TargetAggregateIdentifier ComplaintId complaintId, int satisfaction,
                                    boolean accepted, String notes, Instant visitedAt) {
        public RecordReturnVisit {
            Objects.requireNonNull(complaintId, "complaintId");
            if (satisfaction < 1 || satisfaction > 5) {
                throw new IllegalArgumentException("satisfaction must be 1 to 5");
            }
            notes = Checks.optionalText(notes, "notes", 2000);
            Objects.requireNonNull(visitedAt, "visitedAt");
        }
    }

    /** {@code byComplainant}: withdrawn by the complainant (else by staff on their behalf). */
    public record WithdrawComplaint(@TargetAggregateIdentifier ComplaintId complaintId, String reason,
                                    boolean byComplainant, Instant withdrawnAt) {
        public WithdrawComplaint {
            Objects.requireNonNull(complaintId, "complaintId");
            reason = Checks.text(reason, "reason", 500);
            Objects.requireNonNull(withdrawnAt, "withdrawnAt");
        }
    }

    /** This complaint duplicates {@code into}: it is closed as merged into it. */
    public record MergeComplaint(@TargetAggregateIdentifier ComplaintId complaintId, ComplaintId into,
                                 Instant mergedAt) {
        public MergeComplaint {
            Objects.requireNonNull(complaintId, "complaintId");
            Objects.requireNonNull(into, "into");
            Objects.requireNonNull(mergedAt, "mergedAt");
        }
    }

    /** Sent by the deadline sweeper; idempotent like the work orders' {@code RecordSlaBreach}. */
    public record RecordMissedDeadline(@TargetAggregateIdentifier ComplaintId complaintId, DeadlineKind kind,
                                       Instant deadline, Instant detectedAt) {
        public RecordMissedDeadline {
            Objects.requireNonNull(complaintId, "complaintId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(detectedAt, "detectedAt");
        }
    }

    /** The manager sets the estate's customer-care terms. */
    public record SetCareTerms(EstateId estateId, CareTerms terms) {
        public SetCareTerms {
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(terms, "terms");
        }

        @TargetAggregateIdentifier
        public String policyId() {
            return CarePolicy.idOf(estateId);
        }
    }
}
