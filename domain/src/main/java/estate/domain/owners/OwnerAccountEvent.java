package estate.domain.owners;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.LedgerLines.Allocation;
import estate.domain.owners.LedgerLines.CreditSource;
import estate.domain.owners.LedgerLines.LateFeeLine;
import estate.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * Events of an owner account. They are the permanent record and a public contract: never renamed or moved
 * once released (add a revision and an upcaster). Every event names its account and estate; who, when and
 * the correlation and idempotency key of the request travel in its metadata.
 */
public sealed interface OwnerAccountEvent {

    OwnerAccountId accountId();

    EstateId estateId();

    /** {@code zoneId} is the estate's time zone: the ledger counts payment days in it. */
    @Revision("1")
    record AccountOpened(OwnerAccountId accountId, EstateId estateId, HolderType holderType, ContactDetails contact,
                         List<UnitId> units, LocalDate moveInDate, String portalUser, Currency currency,
                         ZoneId zoneId) implements OwnerAccountEvent {
    }

    @Revision("1")
    record ContactDetailsChanged(OwnerAccountId accountId, EstateId estateId, ContactDetails contact)
            implements OwnerAccountEvent {
    }

    @Revision("1")
    record PortalUserLinked(OwnerAccountId accountId, EstateId estateId, String portalUser)
            implements OwnerAccountEvent {
    }

    @Revision("1")
    record MovedIn(OwnerAccountId accountId, EstateId estateId, LocalDate moveInDate) implements OwnerAccountEvent {
    }

    @Revision("1")
    record UnitAcquired(OwnerAccountId accountId, EstateId estateId, UnitId unitId, LocalDate since)
            implements OwnerAccountEvent {
    }

    @Revision("1")
    record UnitTransferredOut(OwnerAccountId accountId, EstateId estateId, UnitId unitId, OwnerAccountId toAccountId,
                              LocalDate transferDate, String reason) implements OwnerAccountEvent {
    }

    @Revision("1")
    record UnitTransferredIn(OwnerAccountId accountId, EstateId estateId, UnitId unitId,
                             OwnerAccountId fromAccountId, LocalDate transferDate) implements OwnerAccountEvent {
    }

    @Revision("1")
    record AccountClosed(OwnerAccountId accountId, EstateId estateId, LocalDate moveOutDate,
                         List<UnitId> releasedUnits, String reason) implements OwnerAccountEvent {
    }

    @Revision("1")
    record InteractionRecorded(OwnerAccountId accountId, EstateId estateId, InteractionId interactionId,
                               InteractionChannel channel, String summary, Set<String> concernTags,
                               String staffMember, Instant occurredAt) implements OwnerAccountEvent {
    }

    @Revision("1")
    record ConcernNoted(OwnerAccountId accountId, EstateId estateId, ConcernId concernId, String topic, String detail,
                        Instant notedAt) implements OwnerAccountEvent {
    }

    @Revision("1")
    record ConcernResolved(OwnerAccountId accountId, EstateId estateId, ConcernId concernId, String resolution,
                           Instant resolvedAt) implements OwnerAccountEvent {
    }

    /** A charge on the account; {@code itemOrder} ranks it among charges due the same day (lower is paid first). */
    @Revision("1")
    record FeeCharged(OwnerAccountId accountId, EstateId estateId, ChargeId chargeId, String feeItem,
                      YearMonth period, Money amount, LocalDate dueDate, UnitId unitId, String description,
                      int itemOrder) implements OwnerAccountEvent {
    }

    @Revision("1")
    record PaymentReceived(OwnerAccountId accountId, EstateId estateId, PaymentId paymentId, Money amount,
                           PaymentChannel channel, String receiptNumber, Instant receivedAt)
            implements OwnerAccountEvent {
    }

    /** Where a payment went: charge parts it settled (oldest first, or as the payer named), the rest to credit. */
    @Revision("1")
    record PaymentAllocated(OwnerAccountId accountId, EstateId estateId, PaymentId paymentId,
                            List<Allocation> allocations, Money toCredit, LocalDate allocatedOn)
            implements OwnerAccountEvent {
    }

    /** Prepaid credit settled part of a charge that became open (a new charge, a late fee, a reversal). */
    @Revision("1")
    record CreditApplied(OwnerAccountId accountId, EstateId estateId, ChargeId chargeId, ChargePart part,
                         Money amount, List<CreditSource> sources, LocalDate appliedOn) implements OwnerAccountEvent {
    }

    /** A bounced or mistaken payment is taken back: exactly what it settled is open again, its credit gone. */
    @Revision("1")
    record PaymentReversed(OwnerAccountId accountId, EstateId estateId, PaymentId paymentId, Money amount,
                           List<Allocation> reopened, Money creditRemoved, LocalDate reversedOn, String reason)
            implements OwnerAccountEvent {
    }

    /** A charge is unpaid after its due date. */
    @Revision("1")
    record ChargeOverdue(OwnerAccountId accountId, EstateId estateId, ChargeId chargeId, LocalDate dueDate,
                         Money outstanding, LocalDate day) implements OwnerAccountEvent {
    }

    /** A charge has been overdue 30, 60 or 90 days: remind the holder. */
    @Revision("1")
    record ArrearsReminderDue(OwnerAccountId accountId, EstateId estateId, ChargeId chargeId, LocalDate dueDate,
                              int daysOverdue, Money outstanding, LocalDate day) implements OwnerAccountEvent {
    }

    /**
     * The daily late-fee run assessed the account through {@code throughDay}; each line charges its increment. A
     * reversal that re-opens a late fee held up at what the reversed payment settled on it records one too, in the
     * same decision: its lines release what was held (negative), dated the day the account stood assessed through.
     */
    @Revision("1")
    record LateFeesAccrued(OwnerAccountId accountId, EstateId estateId, LocalDate throughDay,
                           List<LateFeeLine> lines, Money total) implements OwnerAccountEvent {
    }

    @Revision("1")
    record WaiverRequested(OwnerAccountId accountId, EstateId estateId, WaiverId waiverId, ChargeId chargeId,
                           ChargePart part, Money amount, String reason, String requestedBy)
            implements OwnerAccountEvent {
    }

    @Revision("1")
    record WaiverApproved(OwnerAccountId accountId, EstateId estateId, WaiverId waiverId, ChargeId chargeId,
                          ChargePart part, Money amount, String approvedBy, LocalDate approvedOn)
            implements OwnerAccountEvent {
    }

    @Revision("1")
    record WaiverRejected(OwnerAccountId accountId, EstateId estateId, WaiverId waiverId, String rejectedBy,
                          String reason) implements OwnerAccountEvent {
    }

    @Revision("1")
    record RefundRequested(OwnerAccountId accountId, EstateId estateId, RefundId refundId, Money amount,
                           String reason, String requestedBy) implements OwnerAccountEvent {
    }

    @Revision("1")
    record RefundApproved(OwnerAccountId accountId, EstateId estateId, RefundId refundId, Money amount,
                          List<CreditSource> sources, String approvedBy, LocalDate approvedOn)
            implements OwnerAccountEvent {
    }

    @Revision("1")
    record RefundRejected(OwnerAccountId accountId, EstateId estateId, RefundId refundId, String rejectedBy,
                          String reason) implements OwnerAccountEvent {
    }
}
