package estate.domain.owners;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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

    @Revision("1")
    record AccountOpened(OwnerAccountId accountId, EstateId estateId, HolderType holderType, ContactDetails contact,
                         List<UnitId> units, LocalDate moveInDate, String portalUser, Currency currency)
            implements OwnerAccountEvent {
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

    @Revision("1")
    record FeeCharged(OwnerAccountId accountId, EstateId estateId, ChargeId chargeId, String feeItem,
                      YearMonth period, Money amount, LocalDate dueDate, UnitId unitId, String description)
            implements OwnerAccountEvent {
    }

    @Revision("1")
    record PaymentReceived(OwnerAccountId accountId, EstateId estateId, PaymentId paymentId, Money amount,
                           PaymentChannel channel, String receiptNumber, Instant receivedAt)
            implements OwnerAccountEvent {
    }
}
