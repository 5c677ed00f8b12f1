package estate.projections.billing;

import estate.domain.billing.BillingQueries.GetAccountStatement;
import estate.domain.billing.BillingQueries.GetArrearsAging;
import estate.domain.billing.BillingQueries.GetCollectionRate;
import estate.domain.billing.BillingQueries.GetEstateFinanceFigures;
import estate.domain.billing.BillingQueries.GetIncomeByItem;
import estate.domain.owners.ChargePart;
import estate.domain.owners.LedgerLines.Allocation;
import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import estate.domain.owners.OwnerAccountEvent.CreditApplied;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.LateFeesAccrued;
import estate.domain.owners.OwnerAccountEvent.PaymentAllocated;
import estate.domain.owners.OwnerAccountEvent.PaymentReversed;
import estate.domain.owners.OwnerAccountEvent.RefundApproved;
import estate.domain.owners.OwnerAccountEvent.WaiverApproved;
import estate.projections.billing.AccountStatement.Charge;
import estate.projections.billing.FinanceFigures.ArrearsAging;
import estate.projections.billing.FinanceFigures.Bucket;
import estate.projections.billing.FinanceFigures.CollectionRate;
import estate.projections.billing.FinanceFigures.EstateFinanceFigures;
import estate.projections.billing.FinanceFigures.IncomeByItem;
import estate.projections.support.WriteBuffer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Account statements, and the estate figures computed from them: arrears aging, collection rate, income. */
@Component
@ProcessingGroup(StatementProjection.GROUP)
public class StatementProjection {

    public static final String GROUP = "account-statement";
    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private final MongoTemplate mongo;

    public StatementProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).insertOnce(event.accountId().value(), new AccountStatement(event.accountId().value(), event.estateId().value(),
                event.currency().getCurrencyCode(), List.of(), ZERO, sequence));
    }

    @EventHandler
    void on(FeeCharged event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, s -> {
            List<Charge> charges = new ArrayList<>(s.charges());
            charges.add(new Charge(event.chargeId().value(), event.feeItem(), event.period().toString(),
                    event.dueDate(), event.unitId() == null ? null : event.unitId().value(), event.description(),
                    event.amount().amount(), ZERO, ZERO, ZERO, ZERO, ZERO));
            return new AccountStatement(s.accountId(), s.estateId(), s.currency(), charges, s.credit(), sequence);
        });
    }

    @EventHandler
    void on(PaymentAllocated event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, s -> settle(s, event.allocations(), 1, sequence)
                .withCredit(event.toCredit().amount()));
    }

    @EventHandler
    void on(CreditApplied event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, s -> settle(s, List.of(new Allocation(event.chargeId(),
                event.part(), event.amount())), 1, sequence).withCredit(event.amount().amount().negate()));
    }

    @EventHandler
    void on(PaymentReversed event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, s -> settle(s, event.reopened(), -1, sequence)
                .withCredit(event.creditRemoved().amount().negate()));
    }

    @EventHandler
    void on(LateFeesAccrued event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, s -> {
            List<Charge> charges = new ArrayList<>();
            for (Charge c : s.charges()) {
                BigDecimal added = event.lines().stream().filter(l -> l.chargeId().value().equals(c.chargeId()))
                        .map(line -> line.charged().amount()).reduce(ZERO, BigDecimal::add);
                charges.add(added.signum() == 0 ? c : new Charge(c.chargeId(), c.feeItem(), c.period(), c.dueDate(),
                        c.unitId(), c.description(), c.amount(), c.paid(), c.waived(), c.lateFee().add(added),
                        c.lateFeePaid(), c.lateFeeWaived()));
            }
            return new AccountStatement(s.accountId(), s.estateId(), s.currency(), charges, s.credit(), sequence);
        });
    }

    @EventHandler
    void on(WaiverApproved event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, s -> {
            List<Charge> charges = new ArrayList<>();
            for (Charge c : s.charges()) {
                boolean hit = c.chargeId().equals(event.chargeId().value());
                BigDecimal amount = event.amount().amount();
                charges.add(!hit ? c : event.part() == ChargePart.PRINCIPAL
                        ? new Charge(c.chargeId(), c.feeItem(), c.period(), c.dueDate(), c.unitId(), c.description(),
                        c.amount(), c.paid(), c.waived().add(amount), c.lateFee(), c.lateFeePaid(), c.lateFeeWaived())
                        : new Charge(c.chargeId(), c.feeItem(), c.period(), c.dueDate(), c.unitId(), c.description(),
                        c.amount(), c.paid(), c.waived(), c.lateFee(), c.lateFeePaid(), c.lateFeeWaived().add(amount)));
            }
            return new AccountStatement(s.accountId(), s.estateId(), s.currency(), charges, s.credit(), sequence);
        });
    }

    @EventHandler
    void on(RefundApproved event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, s -> new AccountStatement(s.accountId(), s.estateId(),
                s.currency(), s.charges(), s.credit().subtract(event.amount().amount()), sequence));
    }

    private static AccountStatement settle(AccountStatement s, List<Allocation> allocations, int sign, long sequence) {
        List<Charge> charges = new ArrayList<>();
        for (Charge c : s.charges()) {
            BigDecimal principal = ZERO;
            BigDecimal lateFee = ZERO;
            for (Allocation a : allocations) {
                if (a.chargeId().value().equals(c.chargeId())) {
                    if (a.part() == ChargePart.PRINCIPAL) {
                        principal = principal.add(a.amount().amount());
                    } else {
                        lateFee = lateFee.add(a.amount().amount());
                    }
                }
            }
            charges.add(principal.signum() == 0 && lateFee.signum() == 0 ? c
                    : new Charge(c.chargeId(), c.feeItem(), c.period(), c.dueDate(), c.unitId(), c.description(),
                    c.amount(), c.paid().add(principal.multiply(BigDecimal.valueOf(sign))), c.waived(), c.lateFee(),
                    c.lateFeePaid().add(lateFee.multiply(BigDecimal.valueOf(sign))), c.lateFeeWaived()));
        }
        return new AccountStatement(s.accountId(), s.estateId(), s.currency(), charges, s.credit(), sequence);
    }

    /** Replaces the statement with {@code change} of it, unless it has applied this event already. */
    private void update(String accountId, long sequence, UnaryOperator<AccountStatement> change) {
        WriteBuffer writes = WriteBuffer.of(mongo);
        AccountStatement current = writes.find(accountId, AccountStatement.class);
        if (current == null || current.lastSequence() >= sequence) {
            return;
        }
        AccountStatement next = change.apply(current);
        next = new AccountStatement(next.accountId(), next.estateId(), next.currency(), next.charges(), next.credit(),
                sequence);
        writes.save(accountId, sequence, next);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AccountStatement.class);
    }

    @QueryHandler
    Optional<StatementView> handle(GetAccountStatement query) {
        AccountStatement s = mongo.findById(query.accountId().value(), AccountStatement.class);
        if (s == null) {
            return Optional.empty();
        }
        BigDecimal charged = ZERO;
        BigDecimal paid = ZERO;
        BigDecimal lateFees = ZERO;
        BigDecimal waived = ZERO;
        BigDecimal open = ZERO;
        List<Charge> openCharges = new ArrayList<>();
        for (Charge c : s.charges()) {
            charged = charged.add(c.amount());
            paid = paid.add(c.paid()).add(c.lateFeePaid());
            lateFees = lateFees.add(c.lateFee());
            waived = waived.add(c.waived()).add(c.lateFeeWaived());
            open = open.add(c.open());
            if (c.open().signum() > 0) {
                openCharges.add(c);
            }
        }
        return Optional.of(new StatementView(s.accountId(), s.currency(), openCharges, charged, paid, lateFees, waived,
                open, s.credit(), open.subtract(s.credit())));
    }

    @QueryHandler
    ArrearsAging handle(GetArrearsAging query) {
        return aging(statementsOf(query.estateId().value()), query);
    }

    @QueryHandler
    CollectionRate handle(GetCollectionRate query) {
        return collection(statementsOf(query.estateId().value()), query);
    }

    @QueryHandler
    public IncomeByItem handle(GetIncomeByItem query) {
        return income(statementsOf(query.estateId().value()), query);
    }

    /** The three figures from one read of the estate's statements (the dashboard asks for all of them). */
    @QueryHandler
    EstateFinanceFigures handle(GetEstateFinanceFigures query) {
        List<AccountStatement> statements = statementsOf(query.estateId().value());
        return new EstateFinanceFigures(aging(statements, query.aging()), collection(statements, query.collection()),
                income(statements, query.income()));
    }

    private static ArrearsAging aging(List<AccountStatement> statements, GetArrearsAging query) {
        String[] labels = {"0-30", "31-60", "61-90", "90+"};
        BigDecimal[] amounts = {ZERO, ZERO, ZERO, ZERO};
        List<Set<String>> accounts = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        int[] charges = new int[4];
        Set<String> overdueAccounts = new HashSet<>();
        String currency = null;
        for (AccountStatement s : statements) {
            currency = s.currency();
            for (Charge c : s.charges()) {
                if (c.open().signum() <= 0 || !c.dueDate().isBefore(query.asOf())) {
                    continue;
                }
                long days = query.asOf().toEpochDay() - c.dueDate().toEpochDay();
                int bucket = days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
                amounts[bucket] = amounts[bucket].add(c.open());
                accounts.get(bucket).add(s.accountId());
                charges[bucket]++;
                overdueAccounts.add(s.accountId());
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        BigDecimal total = ZERO;
        for (int i = 0; i < 4; i++) {
            buckets.add(new Bucket(labels[i], amounts[i], accounts.get(i).size(), charges[i]));
            total = total.add(amounts[i]);
        }
        return new ArrearsAging(query.estateId().value(), query.asOf(), currency, buckets, total,
                overdueAccounts.size());
    }

    private static CollectionRate collection(List<AccountStatement> statements, GetCollectionRate query) {
        String period = query.period().toString();
        BigDecimal billed = ZERO;
        BigDecimal collected = ZERO;
        BigDecimal waived = ZERO;
        BigDecimal outstanding = ZERO;
        int accounts = 0;
        String currency = null;
        for (AccountStatement s : statements) {
            currency = s.currency();
            boolean billedHere = false;
            for (Charge c : s.charges()) {
                if (!period.equals(c.period())) {
                    continue;
                }
                billedHere = true;
                billed = billed.add(c.amount());
                collected = collected.add(c.paid());
                waived = waived.add(c.waived());
                outstanding = outstanding.add(c.principalOpen());
            }
            accounts += billedHere ? 1 : 0;
        }
        return new CollectionRate(query.estateId().value(), query.period(), currency, billed, collected, waived,
                outstanding, CollectionRate.rate(collected, billed.subtract(waived)), accounts);
    }

    private static IncomeByItem income(List<AccountStatement> statements, GetIncomeByItem query) {
        Map<String, BigDecimal> income = new TreeMap<>();
        BigDecimal total = ZERO;
        String currency = null;
        for (AccountStatement s : statements) {
            currency = s.currency();
            for (Charge c : s.charges()) {
                YearMonth period = YearMonth.parse(c.period());
                if (period.isBefore(query.from()) || period.isAfter(query.to())) {
                    continue;
                }
                income.merge(c.feeItem(), c.paid(), BigDecimal::add);
                if (c.lateFeePaid().signum() != 0) {
                    income.merge("LATE_FEE", c.lateFeePaid(), BigDecimal::add);
                }
                total = total.add(c.paid()).add(c.lateFeePaid());
            }
        }
        return new IncomeByItem(query.estateId().value(), query.from(), query.to(), currency, income, total);
    }

    private List<AccountStatement> statementsOf(String estateId) {
        return mongo.find(Query.query(where("estateId").is(estateId)), AccountStatement.class);
    }
}
