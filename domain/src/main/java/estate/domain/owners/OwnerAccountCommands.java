package estate.domain.owners;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.LedgerLines.BillLine;
import estate.domain.shared.Checks;
import estate.domain.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Commands on owner accounts: the holder, their units, the customer file and the fee ledger. */
public final class OwnerAccountCommands {

    private OwnerAccountCommands() {
    }

    public record OpenAccount(@TargetAggregateIdentifier OwnerAccountId accountId, EstateId estateId,
                              HolderType holderType, ContactDetails contact, List<UnitId> units,
                              LocalDate moveInDate, String portalUser) {
        public OpenAccount {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(holderType, "holderType");
            Objects.requireNonNull(contact, "contact");
            units = Checks.list(units, "units");
            if (units.isEmpty()) {
                throw new IllegalArgumentException("units must name at least one unit");
            }
            portalUser = Checks.optionalText(portalUser, "portalUser", 100);
        }
    }

    public record ChangeContactDetails(@TargetAggregateIdentifier OwnerAccountId accountId, ContactDetails contact) {
        public ChangeContactDetails {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contact, "contact");
        }
    }

    /** Links the holder's login in the owner app, so that they can see this account and nothing else. */
    public record LinkPortalUser(@TargetAggregateIdentifier OwnerAccountId accountId, String portalUser) {
        public LinkPortalUser {
            Objects.requireNonNull(accountId, "accountId");
            portalUser = Checks.text(portalUser, "portalUser", 100);
        }
    }

    public record RecordMoveIn(@TargetAggregateIdentifier OwnerAccountId accountId, LocalDate moveInDate) {
        public RecordMoveIn {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(moveInDate, "moveInDate");
        }
    }

    /** The holder takes on one more unit of the same estate (a second flat, a parking space). */
    public record AcquireUnit(@TargetAggregateIdentifier OwnerAccountId accountId, UnitId unitId, LocalDate since) {
        public AcquireUnit {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(since, "since");
        }
    }

    /** A unit is sold: ownership passes from one owner account to another of the same estate. */
    public record TransferUnit(OwnerAccountId fromAccountId, UnitId unitId, OwnerAccountId toAccountId,
                               LocalDate transferDate, String reason) {
        public TransferUnit {
            Objects.requireNonNull(fromAccountId, "fromAccountId");
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(toAccountId, "toAccountId");
            Objects.requireNonNull(transferDate, "transferDate");
            reason = Checks.text(reason, "reason", 500);
        }
    }

    /** Move-out with final settlement: the account closes only when its balance is zero. */
    public record MoveOut(@TargetAggregateIdentifier OwnerAccountId accountId, LocalDate moveOutDate, String reason) {
        public MoveOut {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(moveOutDate, "moveOutDate");
            reason = Checks.text(reason, "reason", 500);
        }
    }

    public record RecordInteraction(@TargetAggregateIdentifier OwnerAccountId accountId, InteractionId interactionId,
                                    InteractionChannel channel, String summary, Set<String> concernTags,
                                    String staffMember, Instant occurredAt) {
        public RecordInteraction {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(interactionId, "interactionId");
            Objects.requireNonNull(channel, "channel");
            summary = Checks.text(summary, "summary", 2000);
            concernTags = Checks.set(concernTags, "concernTags");
            staffMember = Checks.text(staffMember, "staffMember", 100);
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    public record NoteConcern(@TargetAggregateIdentifier OwnerAccountId accountId, ConcernId concernId, String topic,
                              String detail, Instant notedAt) {
        public NoteConcern {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(concernId, "concernId");
            topic = Checks.text(topic, "topic", 100);
            detail = Checks.text(detail, "detail", 2000);
            Objects.requireNonNull(notedAt, "notedAt");
        }
    }

    public record ResolveConcern(@TargetAggregateIdentifier OwnerAccountId accountId, ConcernId concernId,
                                 String resolution, Instant resolvedAt) {
        public ResolveConcern {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(concernId, "concernId");
            resolution = Checks.text(resolution, "resolution", 2000);
            Objects.requireNonNull(resolvedAt, "resolvedAt");
        }
    }

    public record ChargeFee(@TargetAggregateIdentifier OwnerAccountId accountId, ChargeId chargeId, String feeItem,
                            YearMonth period, Money amount, LocalDate dueDate, UnitId unitId, String description,
                            int itemOrder) {
        public ChargeFee(OwnerAccountId accountId, ChargeId chargeId, String feeItem, YearMonth period, Money amount,
                         LocalDate dueDate, UnitId unitId, String description) {
            this(accountId, chargeId, feeItem, period, amount, dueDate, unitId, description, 100);
        }

        public ChargeFee {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(chargeId, "chargeId");
            feeItem = Checks.text(feeItem, "feeItem", 64);
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(dueDate, "dueDate");
            description = Checks.optionalText(description, "description", 500);
        }
    }

    /**
     * A payment; {@code allocateTo} names the charges it is for (in that order), or is empty to settle the
     * oldest open charges first.
     */
    public record RecordPayment(@TargetAggregateIdentifier OwnerAccountId accountId, PaymentId paymentId, Money amount,
                                PaymentChannel channel, String receiptNumber, Instant receivedAt,
                                List<ChargeId> allocateTo) {
        public RecordPayment(OwnerAccountId accountId, PaymentId paymentId, Money amount, PaymentChannel channel,
                             String receiptNumber, Instant receivedAt) {
            this(accountId, paymentId, amount, channel, receiptNumber, receivedAt, List.of());
        }

        public RecordPayment {
            allocateTo = allocateTo == null ? List.of() : List.copyOf(allocateTo);
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(channel, "channel");
            receiptNumber = Checks.text(receiptNumber, "receiptNumber", 64);
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /** The bill of one account for a period from a bill run: lines already on the account are left alone. */
    public record PostBill(@TargetAggregateIdentifier OwnerAccountId accountId, String billRunId, YearMonth period,
                           List<BillLine> lines) {
        public PostBill {
            Objects.requireNonNull(accountId, "accountId");
            billRunId = Checks.text(billRunId, "billRunId", 128);
            Objects.requireNonNull(period, "period");
            lines = Checks.list(lines, "lines");
        }
    }

    public record ReversePayment(@TargetAggregateIdentifier OwnerAccountId accountId, PaymentId paymentId,
                                 String reason, LocalDate reversedOn) {
        public ReversePayment {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(paymentId, "paymentId");
            reason = Checks.text(reason, "reason", 500);
            Objects.requireNonNull(reversedOn, "reversedOn");
        }
    }

    /** The daily run: overdue notices, reminders and late fees up to and including {@code asOf}. */
    public record AssessArrears(@TargetAggregateIdentifier OwnerAccountId accountId, LocalDate asOf,
                                LateFeeTerms terms) {
        public AssessArrears {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(terms, "terms");
        }
    }

    public record RequestWaiver(@TargetAggregateIdentifier OwnerAccountId accountId, WaiverId waiverId,
                                ChargeId chargeId, ChargePart part, Money amount, String reason,
                                String requestedBy) {
        public RequestWaiver {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(waiverId, "waiverId");
            Objects.requireNonNull(chargeId, "chargeId");
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(amount, "amount");
            reason = Checks.text(reason, "reason", 500);
            requestedBy = Checks.text(requestedBy, "requestedBy", 100);
        }
    }

    public record ApproveWaiver(@TargetAggregateIdentifier OwnerAccountId accountId, WaiverId waiverId,
                                String approvedBy, LocalDate approvedOn) {
        public ApproveWaiver {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(waiverId, "waiverId");
            approvedBy = Checks.text(approvedBy, "approvedBy", 100);
            Objects.requireNonNull(approvedOn, "approvedOn");
        }
    }

    public record RejectWaiver(@TargetAggregateIdentifier OwnerAccountId accountId, WaiverId waiverId,
                               String rejectedBy, String reason) {
        public RejectWaiver {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(waiverId, "waiverId");
            rejectedBy = Checks.text(rejectedBy, "rejectedBy", 100);
            reason = Checks.text(reason, "reason", 500);
        }
    }

    /** A refund of prepaid credit, requested by finance and approved by another person. */
    public record RequestRefund(@TargetAggregateIdentifier OwnerAccountId accountId, RefundId refundId, Money amount,
                                String reason, String requestedBy) {
        public RequestRefund {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(refundId, "refundId");
            Objects.requireNonNull(amount, "amount");
            reason = Checks.text(reason, "reason", 500);
            requestedBy = Checks.text(requestedBy, "requestedBy", 100);
        }
    }

    public record ApproveRefund(@TargetAggregateIdentifier OwnerAccountId accountId, RefundId refundId,
                                String approvedBy, LocalDate approvedOn) {
        public ApproveRefund {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(refundId, "refundId");
            approvedBy = Checks.text(approvedBy, "approvedBy", 100);
            Objects.requireNonNull(approvedOn, "approvedOn");
        }
    }

    public record RejectRefund(@TargetAggregateIdentifier OwnerAccountId accountId, RefundId refundId,
                               String rejectedBy, String reason) {
        public RejectRefund {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(refundId, "refundId");
            rejectedBy = Checks.text(rejectedBy, "rejectedBy", 100);
            reason = Checks.text(reason, "reason", 500);
        }
    }
}
