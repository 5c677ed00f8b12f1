package estate.projections.owners;

import estate.domain.owners.LedgerLines.Allocation;
import estate.domain.owners.OwnerAccountEvent;
import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import estate.domain.owners.OwnerAccountEvent.ArrearsReminderDue;
import estate.domain.owners.OwnerAccountEvent.ChargeOverdue;
import estate.domain.owners.OwnerAccountEvent.CreditApplied;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.LateFeesAccrued;
import estate.domain.owners.OwnerAccountEvent.PaymentAllocated;
import estate.domain.owners.OwnerAccountEvent.PaymentReceived;
import estate.domain.owners.OwnerAccountEvent.PaymentReversed;
import estate.domain.owners.OwnerAccountEvent.RefundApproved;
import estate.domain.owners.OwnerAccountEvent.RefundRejected;
import estate.domain.owners.OwnerAccountEvent.RefundRequested;
import estate.domain.owners.OwnerAccountEvent.WaiverApproved;
import estate.domain.owners.OwnerAccountEvent.WaiverRejected;
import estate.domain.owners.OwnerAccountEvent.WaiverRequested;
import estate.domain.owners.OwnerAccountQueries.GetAccountBalance;
import estate.domain.owners.OwnerAccountQueries.GetAccountLedger;
import estate.domain.shared.Money;
import estate.projections.support.WriteBuffer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Account balances and the finance history (auditable ledger) behind them. */
@Component
@ProcessingGroup(AccountBalanceProjection.GROUP)
public class AccountBalanceProjection {

    public static final String GROUP = "account-balance";
    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private final MongoTemplate mongo;

    public AccountBalanceProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountOpened event, EventMessage<?> message) {
        WriteBuffer.of(mongo).insertOnce(event.accountId().value(), AccountBalance.opened(event.accountId().value(),
                event.estateId().value(), event.currency().getCurrencyCode(), sequence(message)));
    }

    @EventHandler
    void on(FeeCharged event, EventMessage<?> message) {
        line(event, message, "CHARGE", event.chargeId().value(), event.amount(), event.amount().amount(),
                event.description(), event.feeItem(), event.period().toString(), event.dueDate(), null, null);
        adjust(event, message, event.amount().amount(), ZERO, ZERO, ZERO, ZERO, ZERO);
    }

    @EventHandler
    void on(PaymentReceived event, EventMessage<?> message) {
        line(event, message, "PAYMENT", event.paymentId().value(), event.amount(), event.amount().amount().negate(),
                "Received " + event.receivedAt(), null, null, null, event.channel().name(), event.receiptNumber());
        adjust(event, message, ZERO, ZERO, event.amount().amount(), ZERO, ZERO, ZERO);
    }

    @EventHandler
    void on(PaymentAllocated event, EventMessage<?> message) {
        line(event, message, "ALLOCATION", event.paymentId().value(), event.toCredit(), ZERO,
                describe(event.allocations()) + (event.toCredit().isPositive() ? "; to credit " + event.toCredit() : ""),
                null, null, event.allocatedOn(), null, null);
        adjust(event, message, ZERO, ZERO, ZERO, ZERO, ZERO, event.toCredit().amount());
    }

    @EventHandler
    void on(CreditApplied event, EventMessage<?> message) {
        line(event, message, "CREDIT_APPLIED", event.chargeId().value(), event.amount(), ZERO,
                "Prepaid credit applied to " + event.chargeId()
                        + (event.part().name().equals("LATE_FEE") ? " (late fee)" : ""), null, null, event.appliedOn(), null, null);
        adjust(event, message, ZERO, ZERO, ZERO, ZERO, ZERO, event.amount().amount().negate());
    }

    @EventHandler
    void on(PaymentReversed event, EventMessage<?> message) {
        line(event, message, "REVERSAL", event.paymentId().value(), event.amount(), event.amount().amount(),
                event.reason() + "; re-opened " + describe(event.reopened()), null, null, event.reversedOn(), null,
                null);
        adjust(event, message, ZERO, ZERO, event.amount().amount().negate(), ZERO, ZERO,
                event.creditRemoved().amount().negate());
    }

    @EventHandler
    void on(LateFeesAccrued event, EventMessage<?> message) {
        line(event, message, "LATE_FEE", null, event.total(), event.total().amount(),
                "Late fees through " + event.throughDay() + ": " + event.lines().stream()
                        .map(l -> l.chargeId() + " +" + l.charged().amount().toPlainString())
                        .collect(Collectors.joining(", ")), "LATE_FEE", null, event.throughDay(), null, null);
        adjust(event, message, ZERO, event.total().amount(), ZERO, ZERO, ZERO, ZERO);
    }

    @EventHandler
    void on(ChargeOverdue event, EventMessage<?> message) {
        line(event, message, "OVERDUE", event.chargeId().value(), event.outstanding(), ZERO,
                "Overdue since " + event.day(), null, null, event.dueDate(), null, null);
        touch(event, message);
    }

    @EventHandler
    void on(ArrearsReminderDue event, EventMessage<?> message) {
        line(event, message, "REMINDER", event.chargeId().value(), event.outstanding(), ZERO,
                event.daysOverdue() + " days overdue", null, null, event.dueDate(), null, null);
        touch(event, message);
    }

    @EventHandler
    void on(WaiverRequested event, EventMessage<?> message) {
        line(event, message, "WAIVER_REQUESTED", event.waiverId().value(), event.amount(), ZERO,
                event.part() + " of " + event.chargeId() + ": " + event.reason(), null, null, null, null, null);
        touch(event, message);
    }

    @EventHandler
    void on(WaiverApproved event, EventMessage<?> message) {
        line(event, message, "WAIVER_APPROVED", event.waiverId().value(), event.amount(),
                event.amount().amount().negate(), event.part() + " of " + event.chargeId() + " approved by "
                        + event.approvedBy(), null, null, event.approvedOn(), null, null);
        adjust(event, message, ZERO, ZERO, ZERO, event.amount().amount(), ZERO, ZERO);
    }

    @EventHandler
    void on(WaiverRejected event, EventMessage<?> message) {
        line(event, message, "WAIVER_REJECTED", event.waiverId().value(), null, ZERO,
                "Rejected by " + event.rejectedBy() + ": " + event.reason(), null, null, null, null, null);
        touch(event, message);
    }

    @EventHandler
    void on(RefundRequested event, EventMessage<?> message) {
        line(event, message, "REFUND_REQUESTED", event.refundId().value(), event.amount(), ZERO, event.reason(),
                null, null, null, null, null);
        touch(event, message);
    }

    @EventHandler
    void on(RefundApproved event, EventMessage<?> message) {
        line(event, message, "REFUND_APPROVED", event.refundId().value(), event.amount(), event.amount().amount(),
                "Approved by " + event.approvedBy(), null, null, event.approvedOn(), null, null);
        adjust(event, message, ZERO, ZERO, ZERO, ZERO, event.amount().amount(), event.amount().amount().negate());
    }

    @EventHandler
    void on(RefundRejected event, EventMessage<?> message) {
        line(event, message, "REFUND_REJECTED", event.refundId().value(), null, ZERO,
                "Rejected by " + event.rejectedBy() + ": " + event.reason(), null, null, null, null, null);
        touch(event, message);
    }

    private void line(OwnerAccountEvent event, EventMessage<?> message, String kind, String reference, Money amount,
                      BigDecimal delta, String detail, String feeItem, String period, LocalDate date,
                      String channel, String receipt) {
        String account = event.accountId().value();
        long sequence = sequence(message);
        WriteBuffer.of(mongo).insertOnce(account + ":" + sequence, new LedgerEntry(account + ":" + sequence, account, event.estateId().value(),
                sequence, kind, reference, feeItem, period, date, channel, receipt,
                amount == null ? null : amount.amount(), delta,
                amount == null ? null : amount.currency().getCurrencyCode(), detail, message.getTimestamp(),
                (String) message.getMetaData().get("userId"), (String) message.getMetaData().get("role")));
    }

    /** Read, add and write back under the sequence guard: exact decimal arithmetic, applied once. */
    private void adjust(OwnerAccountEvent event, EventMessage<?> message, BigDecimal charged, BigDecimal lateFees,
                        BigDecimal paid, BigDecimal waived, BigDecimal refunded, BigDecimal credit) {
        long sequence = sequence(message);
        WriteBuffer writes = WriteBuffer.of(mongo);
        AccountBalance current = writes.find(event.accountId().value(), AccountBalance.class);
        if (current == null || current.lastSequence() >= sequence) {
            return;
        }
        writes.save(current.accountId(), sequence,
                current.add(charged, lateFees, paid, waived, refunded, credit, sequence));
    }

    private void touch(OwnerAccountEvent event, EventMessage<?> message) {
        adjust(event, message, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO);
    }

    private static String describe(List<Allocation> allocations) {
        return allocations.stream().map(a -> a.chargeId() + (a.part().name().equals("LATE_FEE") ? " (late fee)" : "")
                + " " + a.amount().amount().toPlainString()).collect(Collectors.joining(", "));
    }

    private static long sequence(EventMessage<?> message) {
        return ((DomainEventMessage<?>) message).getSequenceNumber();
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AccountBalance.class);
        mongo.dropCollection(LedgerEntry.class);
    }

    @QueryHandler
    Optional<AccountBalance> handle(GetAccountBalance query) {
        return Optional.ofNullable(mongo.findById(query.accountId().value(), AccountBalance.class));
    }

    @QueryHandler
    Optional<AccountLedger> handle(GetAccountLedger query) {
        AccountBalance balance = mongo.findById(query.accountId().value(), AccountBalance.class);
        if (balance == null) {
            return Optional.empty();
        }
        List<LedgerEntry> entries = mongo.find(Query.query(where("accountId").is(balance.accountId()))
                .with(Sort.by("sequence")), LedgerEntry.class);
        List<AccountLedger.Line> lines = new ArrayList<>(entries.size());
        BigDecimal running = BigDecimal.ZERO;
        for (LedgerEntry entry : entries) {
            running = running.add(entry.delta());
            lines.add(new AccountLedger.Line(entry, running));
        }
        return Optional.of(new AccountLedger(balance.accountId(), balance.currency(), balance.balance(), lines));
    }
}
