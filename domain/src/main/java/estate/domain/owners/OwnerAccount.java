package estate.domain.owners;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.LedgerLines.Allocation;
import estate.domain.owners.LedgerLines.BillLine;
import estate.domain.owners.LedgerLines.CreditSource;
import estate.domain.owners.LedgerLines.LateFeeLine;
import estate.domain.owners.OwnerAccountCommands.ApproveRefund;
import estate.domain.owners.OwnerAccountCommands.ApproveWaiver;
import estate.domain.owners.OwnerAccountCommands.AssessArrears;
import estate.domain.owners.OwnerAccountCommands.PostBill;
import estate.domain.owners.OwnerAccountCommands.RejectRefund;
import estate.domain.owners.OwnerAccountCommands.RejectWaiver;
import estate.domain.owners.OwnerAccountCommands.RequestRefund;
import estate.domain.owners.OwnerAccountCommands.RequestWaiver;
import estate.domain.owners.OwnerAccountCommands.ReversePayment;
import estate.domain.owners.OwnerAccountEvent.ArrearsReminderDue;
import estate.domain.owners.OwnerAccountEvent.ChargeOverdue;
import estate.domain.owners.OwnerAccountEvent.CreditApplied;
import estate.domain.owners.OwnerAccountEvent.LateFeesAccrued;
import estate.domain.owners.OwnerAccountEvent.PaymentAllocated;
import estate.domain.owners.OwnerAccountEvent.PaymentReversed;
import estate.domain.owners.OwnerAccountEvent.RefundApproved;
import estate.domain.owners.OwnerAccountEvent.RefundRejected;
import estate.domain.owners.OwnerAccountEvent.RefundRequested;
import estate.domain.owners.OwnerAccountEvent.WaiverApproved;
import estate.domain.owners.OwnerAccountEvent.WaiverRejected;
import estate.domain.owners.OwnerAccountEvent.WaiverRequested;
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
import java.time.YearMonth;
import java.time.ZoneId;
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
    private ZoneId zoneId;
    private Ledger ledger;

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
                command.units(), command.moveInDate(), command.portalUser(), terms.currency(), terms.zoneId()));
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
        Money outstanding = ledger.outstanding();
        if (outstanding.isPositive()) {
            throw DomainRuleViolation.conflict("balance-outstanding",
                    "The account owes " + outstanding + "; settle it before moving out");
        }
        Money credit = ledger.credit();
        if (credit.isPositive()) {
            throw DomainRuleViolation.conflict("credit-not-refunded",
                    "The account holds a credit of " + credit + "; refund it before moving out");
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
        if (ledger.hasCharge(command.chargeId().value())) {
            throw DomainRuleViolation.conflict("duplicate-charge", "Charge " + command.chargeId() + " exists");
        }
        if (command.unitId() != null && !units.contains(command.unitId())) {
            throw DomainRuleViolation.conflict("unit-not-on-account",
                    "Account " + accountId + " does not hold unit " + command.unitId());
        }
        charge(command.chargeId(), command.feeItem(), command.period(), command.amount(), command.dueDate(),
                command.unitId(), command.description(), command.itemOrder());
    }

    /** A bill run's lines for this account: each line not yet on the account is charged; returns how many. */
    @CommandHandler
    public BillPosting handle(PostBill command) {
        requireOpen();
        int charged = 0;
        Money total = Money.zero(currency);
        for (BillLine line : command.lines()) {
            if (ledger.hasCharge(line.chargeId().value()) || !line.amount().isPositive()) {
                continue;
            }
            requirePositiveInAccountCurrency(line.amount());
            charge(line.chargeId(), line.feeItem(), command.period(), line.amount(), line.dueDate(), line.unitId(),
                    line.description(), line.itemOrder());
            charged++;
            total = total.plus(line.amount());
        }
        return new BillPosting(charged, command.lines().size() - charged, total);
    }

    /** What {@link PostBill} did: lines charged now, lines that were on the account already, amount charged. */
    public record BillPosting(int charged, int alreadyCharged, Money amount) {
    }

    private void charge(ChargeId chargeId, String feeItem, YearMonth period, Money amount,
                        LocalDate dueDate, UnitId unitId, String description, int itemOrder) {
        apply(new FeeCharged(accountId, estateId, chargeId, feeItem, period, amount, dueDate, unitId, description,
                itemOrder));
        applyCredit(dueDate);
    }

    /** Whatever prepaid credit there is settles what is open, oldest first ("used by the next charges"). */
    private void applyCredit(LocalDate on) {
        if (!ledger.credit().isPositive()) {
            return;
        }
        for (Allocation allocation : ledger.creditToApply()) {
            List<CreditSource> sources = ledger.creditFor(allocation.amount().amount());
            apply(new CreditApplied(accountId, estateId, allocation.chargeId(), allocation.part(), allocation.amount(),
                    sources, on));
        }
    }

    @CommandHandler
    public void handle(RecordPayment command) {
        requireOpen();
        requirePositiveInAccountCurrency(command.amount());
        if (ledger.hasPayment(command.paymentId().value())) {
            throw DomainRuleViolation.conflict("duplicate-payment", "Payment " + command.paymentId() + " exists");
        }
        if (ledger.hasReceipt(command.receiptNumber())) {
            throw DomainRuleViolation.conflict("duplicate-receipt",
                    "Receipt " + command.receiptNumber() + " is recorded on this account already");
        }
        for (ChargeId named : command.allocateTo()) {
            if (!ledger.hasCharge(named.value())) {
                throw DomainRuleViolation.notFound("unknown-charge", "No charge " + named + " on this account");
            }
        }
        if (new HashSet<>(command.allocateTo()).size() != command.allocateTo().size()) {
            throw new DomainRuleViolation("duplicate-charge-in-request", "A charge is named twice");
        }
        apply(new PaymentReceived(accountId, estateId, command.paymentId(), command.amount(), command.channel(),
                command.receiptNumber(), command.receivedAt()));
        List<Allocation> allocations = ledger.allocate(command.amount().amount(),
                command.allocateTo().stream().map(ChargeId::value).toList());
        Money allocated = allocations.stream().map(Allocation::amount).reduce(Money.zero(currency), Money::plus);
        apply(new PaymentAllocated(accountId, estateId, command.paymentId(), allocations,
                command.amount().minus(allocated), LocalDate.ofInstant(command.receivedAt(), zoneId)));
    }

    @CommandHandler
    public void handle(ReversePayment command) {
        requireOpen();
        Ledger.Payment payment = ledger.payment(command.paymentId().value()).orElseThrow(() ->
                DomainRuleViolation.notFound("unknown-payment", "No payment " + command.paymentId()));
        if (payment.reversed) {
            throw DomainRuleViolation.conflict("payment-already-reversed", "The payment is reversed already");
        }
        if (payment.refunded.signum() > 0) {
            throw DomainRuleViolation.conflict("payment-credit-refunded",
                    "Part of this payment's credit was refunded; reverse the refund first");
        }
        List<Allocation> reopened = ledger.settledBy(payment);
        apply(new PaymentReversed(accountId, estateId, command.paymentId(), ledger.money(payment.amount), reopened,
                ledger.money(payment.creditLeft), command.reversedOn(), command.reason()));
        // a late fee held up at what this payment settled on it comes down now, not at the next arrears run
        List<LateFeeLine> released = ledger.lateFeesReleasedBy(reopened);
        if (!released.isEmpty()) {
            apply(new LateFeesAccrued(accountId, estateId, ledger.assessedThrough(), released,
                    released.stream().map(LateFeeLine::charged).reduce(Money.zero(currency), Money::plus)));
        }
        applyCredit(command.reversedOn());
    }

    @CommandHandler
    public void handle(AssessArrears command) {
        Ledger.Assessment assessment = ledger.assess(command.asOf(), command.terms());
        for (Ledger.Notice notice : assessment.notices()) {
            if (notice.daysOverdue() == 1) {
                apply(new ChargeOverdue(accountId, estateId, new ChargeId(notice.chargeId()), notice.dueDate(),
                        ledger.money(notice.outstanding()), notice.day()));
            } else {
                apply(new ArrearsReminderDue(accountId, estateId, new ChargeId(notice.chargeId()), notice.dueDate(),
                        notice.daysOverdue(), ledger.money(notice.outstanding()), notice.day()));
            }
        }
        if (!assessment.lines().isEmpty()) {
            Money total = assessment.lines().stream().map(LateFeeLine::charged)
                    .reduce(Money.zero(currency), Money::plus);
            apply(new LateFeesAccrued(accountId, estateId, command.asOf(), assessment.lines(), total));
            // the day's late fee is charged: credit settles from the next day on
            applyCredit(command.asOf().plusDays(1));
        }
    }

    @CommandHandler
    public void handle(RequestWaiver command) {
        if (ledger.waiver(command.waiverId().value()).isPresent()) {
            throw DomainRuleViolation.conflict("duplicate-waiver", "Waiver " + command.waiverId() + " exists");
        }
        requirePositiveInAccountCurrency(command.amount());
        Ledger.Charge charge = ledger.charge(command.chargeId().value()).orElseThrow(() ->
                DomainRuleViolation.notFound("unknown-charge", "No charge " + command.chargeId()));
        if (command.amount().amount().compareTo(ledger.waivable(charge, command.part())) > 0) {
            throw new DomainRuleViolation("waiver-exceeds-outstanding", "At most "
                    + ledger.money(ledger.waivable(charge, command.part())) + " of that charge can be waived");
        }
        apply(new WaiverRequested(accountId, estateId, command.waiverId(), command.chargeId(), command.part(),
                command.amount(), command.reason(), command.requestedBy()));
    }

    @CommandHandler
    public void handle(ApproveWaiver command) {
        Ledger.Waiver waiver = pendingWaiver(command.waiverId());
        requireFourEyes(waiver.requestedBy, command.approvedBy());
        Ledger.Charge charge = ledger.charge(waiver.chargeId).orElseThrow();
        if (waiver.amount.compareTo(charge.outstanding(waiver.part)) > 0) {
            throw DomainRuleViolation.conflict("waiver-exceeds-outstanding",
                    "The charge was settled meanwhile; only " + ledger.money(charge.outstanding(waiver.part))
                            + " is outstanding: reject this waiver and request a new one");
        }
        apply(new WaiverApproved(accountId, estateId, command.waiverId(), new ChargeId(waiver.chargeId), waiver.part,
                ledger.money(waiver.amount), command.approvedBy(), command.approvedOn()));
    }

    @CommandHandler
    public void handle(RejectWaiver command) {
        pendingWaiver(command.waiverId());
        apply(new WaiverRejected(accountId, estateId, command.waiverId(), command.rejectedBy(), command.reason()));
    }

    @CommandHandler
    public void handle(RequestRefund command) {
        requireOpen();
        if (ledger.refund(command.refundId().value()).isPresent()) {
            throw DomainRuleViolation.conflict("duplicate-refund", "Refund " + command.refundId() + " exists");
        }
        requirePositiveInAccountCurrency(command.amount());
        if (command.amount().amount().compareTo(ledger.refundable()) > 0) {
            throw new DomainRuleViolation("refund-exceeds-credit",
                    "At most " + ledger.money(ledger.refundable()) + " of credit can be refunded");
        }
        apply(new RefundRequested(accountId, estateId, command.refundId(), command.amount(), command.reason(),
                command.requestedBy()));
    }

    @CommandHandler
    public void handle(ApproveRefund command) {
        Ledger.Refund refund = ledger.refund(command.refundId().value()).filter(r -> r.pending).orElseThrow(() ->
                DomainRuleViolation.notFound("unknown-refund", "No pending refund " + command.refundId()));
        requireFourEyes(refund.requestedBy, command.approvedBy());
        if (refund.amount.compareTo(ledger.credit().amount()) > 0) {
            throw DomainRuleViolation.conflict("refund-exceeds-credit",
                    "Only " + ledger.credit() + " of credit is left: reject this refund and request a new one");
        }
        apply(new RefundApproved(accountId, estateId, command.refundId(), ledger.money(refund.amount),
                ledger.creditFor(refund.amount), command.approvedBy(), command.approvedOn()));
    }

    @CommandHandler
    public void handle(RejectRefund command) {
        ledger.refund(command.refundId().value()).filter(r -> r.pending).orElseThrow(() ->
                DomainRuleViolation.notFound("unknown-refund", "No pending refund " + command.refundId()));
        apply(new RefundRejected(accountId, estateId, command.refundId(), command.rejectedBy(), command.reason()));
    }

    private Ledger.Waiver pendingWaiver(WaiverId waiverId) {
        return ledger.waiver(waiverId.value()).filter(w -> w.pending).orElseThrow(() ->
                DomainRuleViolation.notFound("unknown-waiver", "No pending waiver " + waiverId));
    }

    /** Four eyes: nobody approves their own request. */
    private static void requireFourEyes(String requestedBy, String approvedBy) {
        if (requestedBy.equals(approvedBy)) {
            throw DomainRuleViolation.conflict("four-eyes-required",
                    "A request must be approved by someone other than who made it");
        }
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
        zoneId = event.zoneId();
        ledger = new Ledger(event.currency());
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
        ledger.charged(event.chargeId().value(), event.feeItem(), event.itemOrder(), event.dueDate(), event.amount());
    }

    @EventSourcingHandler
    void on(PaymentReceived event) {
        ledger.paymentReceived(event.paymentId().value(), event.amount(), event.receiptNumber());
    }

    @EventSourcingHandler
    void on(PaymentAllocated event) {
        ledger.paymentAllocated(event.paymentId().value(), event.allocations(), event.toCredit(),
                event.allocatedOn());
    }

    @EventSourcingHandler
    void on(CreditApplied event) {
        ledger.creditApplied(event.chargeId().value(), event.part(), event.sources(), event.appliedOn());
    }

    @EventSourcingHandler
    void on(PaymentReversed event) {
        ledger.paymentReversed(event.paymentId().value(), event.reopened(), event.reversedOn());
    }

    @EventSourcingHandler
    void on(ChargeOverdue event) {
        ledger.overdueNoticed(event.chargeId().value());
    }

    @EventSourcingHandler
    void on(ArrearsReminderDue event) {
        ledger.reminderSent(event.chargeId().value(), event.daysOverdue());
    }

    @EventSourcingHandler
    void on(LateFeesAccrued event) {
        ledger.lateFeesAccrued(event.throughDay(), event.lines());
    }

    @EventSourcingHandler
    void on(WaiverRequested event) {
        ledger.waiverRequested(event.waiverId().value(), event.chargeId().value(), event.part(), event.amount(),
                event.requestedBy());
    }

    @EventSourcingHandler
    void on(WaiverApproved event) {
        ledger.waiverApproved(event.waiverId().value(), event.approvedOn());
    }

    @EventSourcingHandler
    void on(WaiverRejected event) {
        ledger.waiverRejected(event.waiverId().value());
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        ledger.refundRequested(event.refundId().value(), event.amount(), event.requestedBy());
    }

    @EventSourcingHandler
    void on(RefundApproved event) {
        ledger.refundApproved(event.refundId().value(), event.sources());
    }

    @EventSourcingHandler
    void on(RefundRejected event) {
        ledger.refundRejected(event.refundId().value());
    }
}
