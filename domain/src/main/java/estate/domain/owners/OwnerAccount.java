package estate.domain.owners;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.OwnerAccountCommands.AcquireUnit;
import estate.domain.owners.OwnerAccountCommands.ChangeContactDetails;
import estate.domain.owners.OwnerAccountCommands.ChargeFee;
import estate.domain.owners.OwnerAccountCommands.LinkPortalUser;
import estate.domain.owners.OwnerAccountCommands.MoveOut;
import estate.domain.owners.OwnerAccountCommands.NoteConcern;
import estate.domain.owners.OwnerAccountCommands.OpenAccount;
import estate.domain.owners.OwnerAccountCommands.RecordInteraction;
import estate.domain.owners.OwnerAccountCommands.RecordMoveIn;
import estate.domain.owners.OwnerAccountCommands.RecordPayment;
import estate.domain.owners.OwnerAccountCommands.ResolveConcern;
import estate.domain.owners.OwnerAccountCommands.TransferUnit;
import estate.domain.owners.OwnerAccountEvent.AccountClosed;
import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import estate.domain.owners.OwnerAccountEvent.ConcernNoted;
import estate.domain.owners.OwnerAccountEvent.ConcernResolved;
import estate.domain.owners.OwnerAccountEvent.ContactDetailsChanged;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.InteractionRecorded;
import estate.domain.owners.OwnerAccountEvent.MovedIn;
import estate.domain.owners.OwnerAccountEvent.PaymentReceived;
import estate.domain.owners.OwnerAccountEvent.PortalUserLinked;
import estate.domain.owners.OwnerAccountEvent.UnitAcquired;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredIn;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredOut;
import estate.domain.owners.UnitRegistry.EstateTerms;
import estate.domain.shared.DomainRuleViolation;
import estate.domain.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An owner's or tenant's account with the company: who they are, which units they hold, their customer file
 * (客户档案) and their fee ledger. Long-lived, so it is snapshotted.
 */
public class OwnerAccount {

    @AggregateIdentifier
    private OwnerAccountId accountId;
    private EstateId estateId;
    private HolderType holderType;
    private ContactDetails contact;
    private Currency currency;
    private LocalDate moveInDate;
    private boolean closed;
    private Set<UnitId> units = new LinkedHashSet<>();
    private Set<String> interactions = new HashSet<>();
    /** Concern id to whether it is resolved. */
    private Map<String, Boolean> concerns = new HashMap<>();
    private Map<String, Money> charges = new HashMap<>();
    private Set<String> payments = new HashSet<>();
    private Set<String> receiptNumbers = new HashSet<>();
    private Money balance;

    protected OwnerAccount() {
        // for Axon
    }

    @CommandHandler
    public OwnerAccount(OpenAccount command, UnitRegistry registry) {
        EstateTerms terms = registry.estate(command.estateId()).orElseThrow(() -> DomainRuleViolation.notFound(
                "unknown-estate", "Estate " + command.estateId() + " is not registered"));
        if (new HashSet<>(command.units()).size() != command.units().size()) {
            throw new DomainRuleViolation("duplicate-unit-in-request", "A unit is named twice");
        }
        for (UnitId unit : command.units()) {
            requireFreeUnitOfEstate(registry, unit, command.estateId(), command.holderType());
        }
        apply(new AccountOpened(command.accountId(), command.estateId(), command.holderType(), command.contact(),
                command.units(), command.moveInDate(), command.portalUser(), terms.currency()));
    }

    @CommandHandler
    public void handle(ChangeContactDetails command) {
        requireOpen();
        if (command.contact().equals(contact)) {
            throw new DomainRuleViolation("contact-unchanged", "The contact details are already these");
        }
        apply(new ContactDetailsChanged(accountId, estateId, command.contact()));
    }

    @CommandHandler
    public void handle(LinkPortalUser command) {
        requireOpen();
        apply(new PortalUserLinked(accountId, estateId, command.portalUser()));
    }

    @CommandHandler
    public void handle(RecordMoveIn command) {
        requireOpen();
        if (moveInDate != null) {
            throw DomainRuleViolation.conflict("already-moved-in", "The holder moved in on " + moveInDate);
        }
        apply(new MovedIn(accountId, estateId, command.moveInDate()));
    }

    @CommandHandler
    public void handle(AcquireUnit command, UnitRegistry registry) {
        requireOpen();
        if (units.contains(command.unitId())) {
            throw DomainRuleViolation.conflict("unit-already-on-account", "The account already holds that unit");
        }
        requireFreeUnitOfEstate(registry, command.unitId(), estateId, holderType);
        apply(new UnitAcquired(accountId, estateId, command.unitId(), command.since()));
    }

    /** First half of {@link TransferUnit}, run by {@link UnitTransferHandler} on the selling account. */
    void transferOut(TransferUnit command, OwnerAccount buyer) {
        requireOpen();
        if (holderType != HolderType.OWNER) {
            throw new DomainRuleViolation("not-an-owner-account", "Only an owner account can sell a unit");
        }
        if (!units.contains(command.unitId())) {
            throw DomainRuleViolation.conflict("unit-not-on-account",
                    "Account " + accountId + " does not hold unit " + command.unitId());
        }
        buyer.requireCanReceive(this);
        apply(new UnitTransferredOut(accountId, estateId, command.unitId(), command.toAccountId(),
                command.transferDate(), command.reason()));
    }

    /** Second half of {@link TransferUnit}, run on the buying account. */
    void transferIn(TransferUnit command) {
        apply(new UnitTransferredIn(accountId, estateId, command.unitId(), command.fromAccountId(),
                command.transferDate()));
    }

    private void requireCanReceive(OwnerAccount seller) {
        requireOpen();
        if (holderType != HolderType.OWNER) {
            throw new DomainRuleViolation("not-an-owner-account", "Only an owner account can buy a unit");
        }
        if (!estateId.equals(seller.estateId)) {
            throw new DomainRuleViolation("different-estate", "Both accounts must belong to the same estate");
        }
    }

    @CommandHandler
    public void handle(MoveOut command) {
        requireOpen();
        if (balance.isPositive()) {
            throw DomainRuleViolation.conflict("balance-outstanding",
                    "The account owes " + balance + "; settle it before moving out");
        }
        if (balance.isNegative()) {
            throw DomainRuleViolation.conflict("credit-not-refunded",
                    "The account holds a credit of " + balance.negate() + "; refund it before moving out");
        }
        apply(new AccountClosed(accountId, estateId, command.moveOutDate(), List.copyOf(units), command.reason()));
    }

    @CommandHandler
    public void handle(RecordInteraction command) {
        if (interactions.contains(command.interactionId().value())) {
            throw DomainRuleViolation.conflict("duplicate-interaction", "Interaction " + command.interactionId()
                    + " is recorded already");
        }
        apply(new InteractionRecorded(accountId, estateId, command.interactionId(), command.channel(),
                command.summary(), command.concernTags(), command.staffMember(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(NoteConcern command) {
        if (concerns.containsKey(command.concernId().value())) {
            throw DomainRuleViolation.conflict("duplicate-concern", "Concern " + command.concernId() + " exists");
        }
        apply(new ConcernNoted(accountId, estateId, command.concernId(), command.topic(), command.detail(),
                command.notedAt()));
    }

    @CommandHandler
    public void handle(ResolveConcern command) {
        Boolean resolved = concerns.get(command.concernId().value());
        if (resolved == null) {
            throw DomainRuleViolation.notFound("unknown-concern", "Concern " + command.concernId() + " not found");
        }
        if (resolved) {
            throw DomainRuleViolation.conflict("concern-already-resolved", "Concern " + command.concernId()
                    + " is resolved already");
        }
        apply(new ConcernResolved(accountId, estateId, command.concernId(), command.resolution(),
                command.resolvedAt()));
    }

    @CommandHandler
    public void handle(ChargeFee command) {
        requireOpen();
        requirePositiveInAccountCurrency(command.amount());
        if (charges.containsKey(command.chargeId().value())) {
            throw DomainRuleViolation.conflict("duplicate-charge", "Charge " + command.chargeId() + " exists");
        }
        if (command.unitId() != null && !units.contains(command.unitId())) {
            throw DomainRuleViolation.conflict("unit-not-on-account",
                    "Account " + accountId + " does not hold unit " + command.unitId());
        }
        apply(new FeeCharged(accountId, estateId, command.chargeId(), command.feeItem(), command.period(),
                command.amount(), command.dueDate(), command.unitId(), command.description()));
    }

    @CommandHandler
    public void handle(RecordPayment command) {
        requireOpen();
        requirePositiveInAccountCurrency(command.amount());
        if (payments.contains(command.paymentId().value())) {
            throw DomainRuleViolation.conflict("duplicate-payment", "Payment " + command.paymentId() + " exists");
        }
        if (receiptNumbers.contains(command.receiptNumber())) {
            throw DomainRuleViolation.conflict("duplicate-receipt",
                    "Receipt " + command.receiptNumber() + " is recorded on this account already");
        }
        apply(new PaymentReceived(accountId, estateId, command.paymentId(), command.amount(), command.channel(),
                command.receiptNumber(), command.receivedAt()));
    }

    private static void requireFreeUnitOfEstate(UnitRegistry registry, UnitId unit, EstateId estate,
                                                HolderType type) {
        EstateId unitEstate = registry.estateOfUnit(unit).orElseThrow(() -> DomainRuleViolation.notFound(
                "unknown-unit", "Unit " + unit + " is not registered"));
        if (!unitEstate.equals(estate)) {
            throw new DomainRuleViolation("unit-of-other-estate", "Unit " + unit + " is not in estate " + estate);
        }
        registry.holder(unit, type).ifPresent(holder -> {
            throw DomainRuleViolation.conflict("unit-already-held",
                    "Unit " + unit + " already has an active " + type.name().toLowerCase() + " account");
        });
    }

    private void requireOpen() {
        if (closed) {
            throw DomainRuleViolation.conflict("account-closed", "Account " + accountId + " is closed");
        }
    }

    private void requirePositiveInAccountCurrency(Money amount) {
        if (!amount.currency().equals(currency)) {
            throw new Money.CurrencyMismatchException(currency, amount.currency());
        }
        if (!amount.isPositive()) {
            throw new DomainRuleViolation("non-positive-amount", "The amount must be greater than zero");
        }
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        estateId = event.estateId();
        holderType = event.holderType();
        contact = event.contact();
        currency = event.currency();
        moveInDate = event.moveInDate();
        units.addAll(event.units());
        balance = Money.zero(event.currency());
    }

    @EventSourcingHandler
    void on(ContactDetailsChanged event) {
        contact = event.contact();
    }

    @EventSourcingHandler
    void on(MovedIn event) {
        moveInDate = event.moveInDate();
    }

    @EventSourcingHandler
    void on(UnitAcquired event) {
        units.add(event.unitId());
    }

    @EventSourcingHandler
    void on(UnitTransferredOut event) {
        units.remove(event.unitId());
    }

    @EventSourcingHandler
    void on(UnitTransferredIn event) {
        units.add(event.unitId());
    }

    @EventSourcingHandler
    void on(AccountClosed event) {
        closed = true;
        units = new LinkedHashSet<>();
    }

    @EventSourcingHandler
    void on(InteractionRecorded event) {
        interactions.add(event.interactionId().value());
    }

    @EventSourcingHandler
    void on(ConcernNoted event) {
        concerns.put(event.concernId().value(), false);
    }

    @EventSourcingHandler
    void on(ConcernResolved event) {
        concerns.put(event.concernId().value(), true);
    }

    @EventSourcingHandler
    void on(FeeCharged event) {
        charges.put(event.chargeId().value(), event.amount());
        balance = balance.plus(event.amount());
    }

    @EventSourcingHandler
    void on(PaymentReceived event) {
        payments.add(event.paymentId().value());
        receiptNumbers.add(event.receiptNumber());
        balance = balance.minus(event.amount());
    }
}
