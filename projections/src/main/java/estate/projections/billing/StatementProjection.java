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
import estate.projections.billing.EstateArrears.Counted;
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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Account statements, and the estate figures: arrears aging (from {@link EstateArrears}, the estate's open amounts
 * by due date), collection rate and income (from {@link PeriodFigures}, per estate and month), kept by the same
 * handlers that change the statements, in the same batch.
 */
@Component
@ProcessingGroup(StatementProjection.GROUP)
public class StatementProjection {

    public static final String GROUP = "account-statement";
    private static final String STATEMENTS = "account_statements";
    private static final String PERIOD_FIGURES = "estate_period_figures";
    private static final String ESTATE_ARREARS = "estate_arrears";
    /** The per-account arrears of session 3, no longer kept (the estate's arrears replaced them); a reset drops them. */
    private static final String RETIRED_ACCOUNT_ARREARS = "account_arrears";
    /** The unit-of-work resource holding a batch's stored period markers, by estate and month. */
    private static final String MARKERS = StatementProjection.class.getName() + ".markers";
    /** The unit-of-work resource holding, by estate, what the estate's arrears have counted of the batch's accounts. */
    private static final String COUNTED = StatementProjection.class.getName() + ".counted";
    /** Ranges longer than this read the estate's period documents by estate instead of listing ids. */
    private static final long MAX_MONTHS_BY_ID = 60;
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
        }, figures -> figures.billed(event.period().toString(), event.feeItem(), event.amount().amount()));
    }

    @EventHandler
    void on(PaymentAllocated event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, s -> settle(s, event.allocations(), 1, sequence)
                .withCredit(event.toCredit().amount()), figures -> figures.settled(event.allocations(), 1));
    }

    @EventHandler
    void on(CreditApplied event, @SequenceNumber long sequence) {
        List<Allocation> allocations = List.of(new Allocation(event.chargeId(), event.part(), event.amount()));
        update(event.accountId().value(), sequence, s -> settle(s, allocations, 1, sequence)
                .withCredit(event.amount().amount().negate()), figures -> figures.settled(allocations, 1));
    }

    @EventHandler
    void on(PaymentReversed event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, s -> settle(s, event.reopened(), -1, sequence)
                .withCredit(event.creditRemoved().amount().negate()), figures -> figures.settled(event.reopened(), -1));
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
        }, figures -> {
            // late fees charged are neither billed principal nor income until paid
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
        }, figures -> {
            if (event.part() == ChargePart.PRINCIPAL) {
                figures.waived(event.chargeId().value(), event.amount().amount());
            }
        });
    }

    @EventHandler
    void on(RefundApproved event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, s -> new AccountStatement(s.accountId(), s.estateId(),
                s.currency(), s.charges(), s.credit().subtract(event.amount().amount()), sequence), figures -> {
            // credit only: no charge changes
        });
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

    /**
     * Replaces the statement with {@code change} of it, unless it has applied this event already; counts the
     * event in the estate's period figures unless they have counted it already; and stores the account's arrears
     * as the statement now stands.
     * <p>
     * Why three guards and not one: the statement, the period figures and the arrears are written by separate
     * bulk writes at the end of the batch (one per collection), and neither MongoDB nor the embedded server makes
     * them one atomic write. A crash (or a failed bulk write) between them, then the batch delivered again, would
     * find the statement ahead of the figures; with the statement's guard alone the figures would miss the event
     * for good (or, flushed in the other order, count it twice). So each read model guards itself:
     * <ul>
     *     <li>the period figures, shared by all accounts of an estate, record per account the last sequence they
     *     counted, set in the same atomic update as the increments ({@link PeriodIncrements}); the increments of
     *     an event need only the event and the charge's period and fee item, which never change, so they can be
     *     computed whether or not the statement has applied the event;</li>
     *     <li>the arrears are a function of the statement, stored with the statement's sequence under the usual
     *     guard, so a redelivery rewrites them from the statement if they were left behind;</li>
     *     <li>the estate's arrears, shared by the accounts of a shard, record per account the sequence of the
     *     statement they counted, set in the same atomic update as the increments ({@link ArrearsIncrements}); a
     *     newer statement is counted as the difference from the statement at that sequence. That statement is the
     *     stored one, or one the batch passes through: the buffer writes the shared documents before the
     *     statements ({@link WriteBuffer#flush()}), so a stored statement is never ahead of what the arrears
     *     counted of it.</li>
     * </ul>
     * The residual assumption: one account's events are handled by one thread at a time (Axon's default
     * sequencing policy, by aggregate), so no two writers race on one account's marker; increments of different
     * accounts on the same document commute.
     */
    private void update(String accountId, long sequence, UnaryOperator<AccountStatement> change,
                        Consumer<Figures> figures) {
        WriteBuffer writes = WriteBuffer.of(mongo);
        AccountStatement current = writes.find(accountId, AccountStatement.class);
        if (current == null) {
            return;
        }
        figures.accept(new Figures(writes, current, sequence));
        AccountStatement next = current;
        if (current.lastSequence() < sequence) {
            next = change.apply(current);
            next = new AccountStatement(next.accountId(), next.estateId(), next.currency(), next.charges(),
                    next.credit(), sequence);
            writes.save(accountId, sequence, next);
        }
        estateArrears(writes, next).count(escape(accountId), current, next);
        writes.flushIfImmediate();
    }

    /** An account's open charges on one due date: their open amounts summed, and how many. */
    record OpenDue(LocalDate dueDate, BigDecimal amount, int charges) {
    }

    /** The account's open amounts by due date, as its statement stands. */
    static List<OpenDue> openOf(AccountStatement s) {
        Map<LocalDate, BigDecimal> amounts = new TreeMap<>();
        Map<LocalDate, Integer> charges = new TreeMap<>();
        for (Charge c : s.charges()) {
            if (c.open().signum() > 0) {
                amounts.merge(c.dueDate(), c.open(), BigDecimal::add);
                charges.merge(c.dueDate(), 1, Integer::sum);
            }
        }
        List<OpenDue> open = new ArrayList<>();
        amounts.forEach((due, amount) -> open.add(new OpenDue(due, amount, charges.get(due))));
        return open;
    }

    /** The batch's increments to the estate's arrears shard of the statement's account. */
    private ArrearsIncrements estateArrears(WriteBuffer writes, AccountStatement statement) {
        String id = EstateArrears.idOf(statement.estateId(), EstateArrears.shardOf(statement.accountId()));
        return writes.increments(id, EstateArrears.class, () -> new ArrearsIncrements(statement.estateId(),
                countedOf(writes, statement.estateId(), statement.accountId())));
    }

    /**
     * Per account (escaped), what the stored arrears documents of the estate have counted of it, for the batch's
     * accounts (outside a batch: this account's). The first ask for an estate in a batch reads, in one query, the
     * entries of all the batch's accounts from the shards they fall in, and nothing else of those documents; the
     * batch writes them only at its end, so what it read stays what is stored.
     */
    private Map<String, Counted> countedOf(WriteBuffer writes, String estateId, String accountId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return readCounted(estateId, Set.of(accountId));
        }
        Map<String, Map<String, Counted>> byEstate = CurrentUnitOfWork.get().root()
                .getOrComputeResource(COUNTED, key -> new HashMap<>());
        return byEstate.computeIfAbsent(estateId, estate -> {
            Set<String> accounts = new HashSet<>(writes.aggregatesOfBatch());
            accounts.add(accountId);
            return readCounted(estate, accounts);
        });
    }

    private Map<String, Counted> readCounted(String estateId, Set<String> accounts) {
        Set<String> shards = new HashSet<>();
        Query query = new Query();
        for (String account : accounts) {
            shards.add(EstateArrears.idOf(estateId, EstateArrears.shardOf(account)));
            query.fields().include(EstateArrears.COUNTED + "." + escape(account));
        }
        query.addCriteria(where("_id").in(shards));
        Map<String, Counted> counted = new HashMap<>();
        for (Document stored : mongo.find(query, Document.class, ESTATE_ARREARS)) {
            if (stored.get(EstateArrears.COUNTED) instanceof Document entries) {
                entries.forEach((account, entry) -> counted.put(account, counted(entry)));
            }
        }
        return counted;
    }

    /** An entry of {@code counted}: the statement's sequence, or (written before session 9) a document with it. */
    private static Counted counted(Object entry) {
        if (entry instanceof Number sequence) {
            return new Counted(sequence.longValue(), null);
        }
        Document legacy = (Document) entry;
        Map<String, EstateArrears.Open> open = new TreeMap<>();
        if (legacy.get("open") instanceof Document dues) {
            dues.forEach((due, value) -> {
                Document amounts = (Document) value;
                open.put(due, new EstateArrears.Open(((Decimal128) amounts.get("amount")).bigDecimalValue(),
                        ((Number) amounts.get("charges")).intValue()));
            });
        }
        return new Counted(((Number) legacy.get("sequence")).longValue(), open);
    }

    /** An account's open amounts by due date ({@code yyyy-MM-dd}), as its statement stands. */
    private static Map<String, EstateArrears.Open> duesOf(AccountStatement statement) {
        Map<String, EstateArrears.Open> dues = new TreeMap<>();
        openOf(statement).forEach(o -> dues.put(o.dueDate().toString(), new EstateArrears.Open(o.amount(),
                o.charges())));
        return dues;
    }

    /**
     * A batch's increments to one shard of an estate's arrears. An account's statement is counted if it is newer
     * than what the shard counted of the account (this batch's, else stored); the update adds the difference between
     * the newest statement's open amounts and those of the statement the shard counted, and records the newest
     * statement's sequence, atomically. Afterwards the entries it lowered are removed where they reached zero, so
     * the document holds the same whatever the batches.
     * <p>
     * The statement the shard counted, at the account's first event in the batch:
     * <ul>
     *     <li>none if the shard has no entry for the account (never counted: its statement has nothing open);</li>
     *     <li>the stored statement if the shard counted its sequence: the usual case;</li>
     *     <li>a later one if the shard is ahead (a batch wrote the shards, then failed before its statements):
     *     the redelivered batch passes through that sequence again, and the statement there is the one;</li>
     *     <li>an entry written before session 9 holds the open amounts it counted itself (a document
     *     {@code {sequence, open}}); the account's next count replaces it with the sequence.</li>
     * </ul>
     * A shard behind the stored statement means a statement was written without its arrears: it cannot be
     * repaired from the statements, so it fails the batch (reset the {@value #GROUP} read models).
     */
    static final class ArrearsIncrements implements WriteBuffer.Increments {
        private final String estateId;
        private final Map<String, Counted> stored;
        /** Per account of the batch: the open amounts the stored shard counted; null while not yet passed. */
        private final Map<String, Map<String, EstateArrears.Open>> base = new HashMap<>();
        /** Per account: the newest statement to count, its sequence and open amounts. */
        private final Map<String, Counted> counted = new LinkedHashMap<>();
        private final Set<String> lowered = new HashSet<>();

        ArrearsIncrements(String estateId, Map<String, Counted> stored) {
            this.estateId = estateId;
            this.stored = stored;
        }

        /** Counts the account's statement {@code after}, the event's change of {@code before}. */
        void count(String account, AccountStatement before, AccountStatement after) {
            Counted shard = stored.get(account);
            if (!base.containsKey(account)) {
                base.put(account, baseOf(account, shard, before));
            }
            Counted newest = counted.get(account);
            long last = newest != null ? newest.sequence() : shard != null ? shard.sequence() : -1;
            long sequence = after.lastSequence();
            if (sequence <= last) {
                if (base.get(account) == null && sequence == shard.sequence()) {
                    base.put(account, duesOf(after));
                }
                return;
            }
            if (base.get(account) == null) {
                throw inconsistent(account, "counted its statement " + shard.sequence() + ", which its events passed"
                        + " over at " + sequence);
            }
            counted.put(account, new Counted(sequence, duesOf(after)));
        }

        private static Map<String, EstateArrears.Open> baseOf(String account, Counted shard,
                                                              AccountStatement before) {
            if (shard == null) {
                if (!openOf(before).isEmpty()) {
                    throw inconsistent(account, "never counted it, behind its stored statement "
                            + before.lastSequence());
                }
                return Map.of();
            }
            if (shard.open() != null) {
                return shard.open();
            }
            if (shard.sequence() == before.lastSequence()) {
                return duesOf(before);
            }
            if (shard.sequence() > before.lastSequence()) {
                return null;
            }
            throw inconsistent(account, "counted its statement " + shard.sequence() + ", behind its stored statement "
                    + before.lastSequence());
        }

        private static IllegalStateException inconsistent(String account, String what) {
            return new IllegalStateException("The estate arrears of account " + unescape(account) + " " + what
                    + "; reset the " + GROUP + " read models");
        }

        @Override
        public Update update() {
            if (counted.isEmpty()) {
                return null;
            }
            Map<String, BigDecimal> amounts = new TreeMap<>();
            Map<String, Integer> charges = new TreeMap<>();
            Map<String, Integer> accounts = new TreeMap<>();
            Map<String, Integer> pairs = new TreeMap<>();
            counted.forEach((account, now) -> {
                add(now.open(), 1, amounts, charges, accounts, pairs);
                add(base.get(account), -1, amounts, charges, accounts, pairs);
            });
            Update update = new Update().set("estateId", estateId);
            boolean dues = false;
            for (Map.Entry<String, Integer> due : accounts.entrySet()) {
                String path = EstateArrears.DUES + "." + due.getKey();
                dues |= inc(update, path + ".amount", amounts.get(due.getKey()));
                dues |= inc(update, path + ".charges", charges.get(due.getKey()));
                dues |= inc(update, path + ".accounts", due.getValue());
                if (due.getValue() < 0) {
                    lowered.add(path);
                }
            }
            boolean anyPair = false;
            for (Map.Entry<String, Integer> pair : pairs.entrySet()) {
                String path = EstateArrears.PAIRS + "." + pair.getKey();
                anyPair |= inc(update, path, pair.getValue());
                if (pair.getValue() < 0) {
                    lowered.add(path);
                }
            }
            // both maps exist from the document's first write on, whichever entries it has
            if (!dues) {
                update.setOnInsert(EstateArrears.DUES, new Document());
            }
            if (!anyPair) {
                update.setOnInsert(EstateArrears.PAIRS, new Document());
            }
            counted.forEach((account, now) -> update.set(EstateArrears.COUNTED + "." + account, now.sequence()));
            return update;
        }

        /** Removes, where they reached zero, the sums that {@link #update()} lowered (it runs first, at the flush). */
        @Override
        public List<WriteBuffer.Conditional> afterwards() {
            List<WriteBuffer.Conditional> removals = new ArrayList<>();
            for (String path : lowered) {
                String count = path.startsWith(EstateArrears.DUES + ".") ? path + ".accounts" : path;
                removals.add(new WriteBuffer.Conditional(where(count).is(0), new Update().unset(path)));
            }
            return removals;
        }

        /**
         * Adds {@code sign} × one account's open amounts by due date (in order of due date), and its pairs of
         * consecutive due dates.
         */
        private static void add(Map<String, EstateArrears.Open> open, int sign, Map<String, BigDecimal> amounts,
                                Map<String, Integer> charges, Map<String, Integer> accounts,
                                Map<String, Integer> pairs) {
            String previous = null;
            for (Map.Entry<String, EstateArrears.Open> due : open.entrySet()) {
                BigDecimal amount = due.getValue().amount();
                amounts.merge(due.getKey(), sign > 0 ? amount : amount.negate(), BigDecimal::add);
                charges.merge(due.getKey(), sign * due.getValue().charges(), Integer::sum);
                accounts.merge(due.getKey(), sign, Integer::sum);
                if (previous != null) {
                    pairs.merge(EstateArrears.pairOf(previous, due.getKey()), sign, Integer::sum);
                }
                previous = due.getKey();
            }
        }

        /** Increments {@code path} by {@code delta} unless it is zero; whether it did. */
        private static boolean inc(Update update, String path, Number delta) {
            if (delta instanceof BigDecimal amount) {
                if (amount.signum() == 0) {
                    return false;
                }
                update.inc(path, new Decimal128(amount));
                return true;
            }
            if (delta.intValue() == 0) {
                return false;
            }
            update.inc(path, delta.intValue());
            return true;
        }
    }

    /** One event's contribution to the estate's period figures, counted once per (period document, event). */
    private final class Figures {
        private final WriteBuffer writes;
        private final AccountStatement statement;
        private final long sequence;
        private final String account;

        Figures(WriteBuffer writes, AccountStatement statement, long sequence) {
            this.writes = writes;
            this.statement = statement;
            this.sequence = sequence;
            this.account = escape(statement.accountId());
        }

        void billed(String period, String feeItem, BigDecimal amount) {
            PeriodIncrements figures = of(period);
            if (figures.counts(account, sequence)) {
                figures.billed(feeItem, amount);
                figures.mark(account, sequence);
            }
        }

        void settled(List<Allocation> allocations, int sign) {
            for (Allocation a : allocations) {
                Charge charge = charge(a.chargeId().value());
                if (charge == null) {
                    continue;
                }
                PeriodIncrements figures = of(charge.period());
                if (figures.counts(account, sequence)) {
                    BigDecimal amount = a.amount().amount().multiply(BigDecimal.valueOf(sign));
                    if (a.part() == ChargePart.PRINCIPAL) {
                        figures.collected(charge.feeItem(), amount);
                    } else {
                        figures.lateFeePaid(amount);
                    }
                    figures.mark(account, sequence);
                }
            }
        }

        void waived(String chargeId, BigDecimal amount) {
            Charge charge = charge(chargeId);
            if (charge == null) {
                return;
            }
            PeriodIncrements figures = of(charge.period());
            if (figures.counts(account, sequence)) {
                figures.waived(amount);
                figures.mark(account, sequence);
            }
        }

        private Charge charge(String chargeId) {
            for (Charge c : statement.charges()) {
                if (c.chargeId().equals(chargeId)) {
                    return c;
                }
            }
            return null;
        }

        private PeriodIncrements of(String period) {
            String id = PeriodFigures.idOf(statement.estateId(), period,
                    PeriodFigures.shardOf(statement.accountId()));
            return writes.increments(id, PeriodFigures.class,
                    () -> new PeriodIncrements(statement.estateId(), period, storedMarkers(statement.estateId(),
                            period, id)));
        }
    }

    /**
     * Per account (escaped), the last sequence the stored period document {@code id} has counted. In a batch, the
     * first ask for a month reads the markers of all its shards in one query (a bill run's batch touches them
     * all); the batch writes period documents only at its end, so what it read stays what is stored.
     */
    private Map<String, Long> storedMarkers(String estateId, String period, String id) {
        if (!CurrentUnitOfWork.isStarted()) {
            return readMarkers(List.of(id)).getOrDefault(id, Map.of());
        }
        Map<String, Map<String, Map<String, Long>>> byMonth = CurrentUnitOfWork.get().root()
                .getOrComputeResource(MARKERS, key -> new HashMap<>());
        return byMonth.computeIfAbsent(estateId + "|" + period, month -> {
            List<String> shards = new ArrayList<>();
            for (int shard = 0; shard < PeriodFigures.SHARDS; shard++) {
                shards.add(PeriodFigures.idOf(estateId, period, shard));
            }
            return readMarkers(shards);
        }).getOrDefault(id, Map.of());
    }

    /** The markers of the period documents {@code ids} that exist, by document id. */
    private Map<String, Map<String, Long>> readMarkers(List<String> ids) {
        Query query = Query.query(where("_id").in(ids));
        query.fields().include(PeriodFigures.APPLIED);
        Map<String, Map<String, Long>> byDocument = new HashMap<>();
        for (Document stored : mongo.find(query, Document.class, PERIOD_FIGURES)) {
            Map<String, Long> markers = new HashMap<>();
            if (stored.get(PeriodFigures.APPLIED) instanceof Document applied) {
                applied.forEach((key, value) -> markers.put(key, ((Number) value).longValue()));
            }
            byDocument.put(stored.getString("_id"), markers);
        }
        return byDocument;
    }

    /**
     * A batch's increments to one period document. An event counts if the account's marker (this batch's, else
     * the stored one) is below its sequence, or is its sequence set by this same event (a payment settling two
     * charges of the period); the update sets the markers with the increments, atomically.
     */
    static final class PeriodIncrements implements WriteBuffer.Increments {
        private final String estateId;
        private final String period;
        private final Map<String, Long> stored;
        private final Map<String, Long> marked = new LinkedHashMap<>();
        private final Map<String, BigDecimal> paid = new LinkedHashMap<>();
        private BigDecimal billed;
        private BigDecimal collected;
        private BigDecimal waived;
        private BigDecimal lateFeePaid;
        private int accounts;

        PeriodIncrements(String estateId, String period, Map<String, Long> stored) {
            this.estateId = estateId;
            this.period = period;
            this.stored = stored;
        }

        boolean counts(String account, long sequence) {
            Long mark = marked.get(account);
            if (mark == null) {
                mark = stored.get(account);
                return mark == null || mark < sequence;
            }
            return mark <= sequence;
        }

        void mark(String account, long sequence) {
            if (!marked.containsKey(account) && !stored.containsKey(account)) {
                accounts++;
            }
            marked.put(account, sequence);
        }

        void billed(String feeItem, BigDecimal amount) {
            billed = add(billed, amount);
            // every fee item billed in the period has a key, paid or not (income lists it with what was paid)
            paid.merge(escape(feeItem), ZERO, BigDecimal::add);
        }

        void collected(String feeItem, BigDecimal amount) {
            collected = add(collected, amount);
            paid.merge(escape(feeItem), amount, BigDecimal::add);
        }

        void waived(BigDecimal amount) {
            waived = add(waived, amount);
        }

        void lateFeePaid(BigDecimal amount) {
            lateFeePaid = add(lateFeePaid, amount);
        }

        private static BigDecimal add(BigDecimal sum, BigDecimal amount) {
            return sum == null ? amount : sum.add(amount);
        }

        @Override
        public Update update() {
            if (marked.isEmpty()) {
                return null;
            }
            Update update = new Update().set("estateId", estateId).set("period", period);
            if (billed != null) {
                update.inc("billed", billed);
            }
            if (collected != null) {
                update.inc("collected", collected);
            }
            if (waived != null) {
                update.inc("waived", waived);
            }
            if (lateFeePaid != null) {
                update.inc("lateFeePaid", lateFeePaid);
            }
            paid.forEach((item, amount) -> update.inc("paid." + item, amount));
            if (accounts > 0) {
                update.inc("accounts", accounts);
            }
            marked.forEach((account, sequence) -> update.set(PeriodFigures.APPLIED + "." + account, sequence));
            return update;
        }
    }

    /** A map key usable in a field path: no dots, no leading dollar. */
    static String escape(String key) {
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String unescape(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AccountStatement.class);
        mongo.dropCollection(PeriodFigures.class);
        mongo.dropCollection(RETIRED_ACCOUNT_ARREARS);
        mongo.dropCollection(EstateArrears.class);
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
        String estateId = query.estateId().value();
        return aging(currencyOf(estateId), arrearsOf(estateId), query);
    }

    @QueryHandler
    CollectionRate handle(GetCollectionRate query) {
        String estateId = query.estateId().value();
        return collection(currencyOf(estateId), periods(estateId, query.period(), query.period()), query);
    }

    @QueryHandler
    public IncomeByItem handle(GetIncomeByItem query) {
        String estateId = query.estateId().value();
        return income(currencyOf(estateId), periods(estateId, query.from(), query.to()), query);
    }

    /**
     * The three figures the dashboard asks for, without reading a statement: the estate's open amounts by due date
     * ({@value EstateArrears#SHARDS} small documents) and the period figures of the months asked (16 documents per
     * month), so the cost grows neither with the months billed nor with the accounts in arrears.
     */
    @QueryHandler
    EstateFinanceFigures handle(GetEstateFinanceFigures query) {
        GetArrearsAging aging = query.aging();
        GetCollectionRate rate = query.collection();
        GetIncomeByItem income = query.income();
        Map<String, String> currencies = new HashMap<>();
        List<PeriodFigures> incomePeriods = periods(income.estateId().value(), income.from(), income.to());
        boolean within = rate.estateId().equals(income.estateId()) && !rate.period().isBefore(income.from())
                && !rate.period().isAfter(income.to());
        List<PeriodFigures> ratePeriods = within
                ? incomePeriods.stream().filter(f -> f.period().equals(rate.period().toString())).toList()
                : periods(rate.estateId().value(), rate.period(), rate.period());
        return new EstateFinanceFigures(
                aging(currencies.computeIfAbsent(aging.estateId().value(), this::currencyOf),
                        arrearsOf(aging.estateId().value()), aging),
                collection(currencies.computeIfAbsent(rate.estateId().value(), this::currencyOf), ratePeriods, rate),
                income(currencies.computeIfAbsent(income.estateId().value(), this::currencyOf), incomePeriods,
                        income));
    }

    /**
     * Aging from the estate's open amounts by due date: a due date before {@code asOf} falls in the bucket of its
     * days overdue; the accounts of a bucket are those open on its due dates, less the pairs of consecutive open
     * due dates of one account that both fall in it (see {@link EstateArrears}).
     */
    private static ArrearsAging aging(String currency, List<EstateArrears> shards, GetArrearsAging query) {
        String[] labels = {"0-30", "31-60", "61-90", "90+"};
        BigDecimal[] amounts = {ZERO, ZERO, ZERO, ZERO};
        int[] accounts = new int[4];
        int[] charges = new int[4];
        int overdueAccounts = 0;
        for (EstateArrears shard : shards) {
            for (Map.Entry<String, EstateArrears.Due> entry : orEmpty(shard.dues()).entrySet()) {
                EstateArrears.Due due = entry.getValue();
                int bucket = bucketOf(LocalDate.parse(entry.getKey()), query.asOf());
                if (due.accounts() <= 0 || bucket < 0) {
                    continue;
                }
                amounts[bucket] = amounts[bucket].add(due.amount());
                accounts[bucket] += due.accounts();
                charges[bucket] += due.charges();
                overdueAccounts += due.accounts();
            }
            for (Map.Entry<String, Integer> pair : orEmpty(shard.pairs()).entrySet()) {
                String[] dues = pair.getKey().split("\\|");
                int first = bucketOf(LocalDate.parse(dues[0]), query.asOf());
                int next = bucketOf(LocalDate.parse(dues[1]), query.asOf());
                if (next < 0) {
                    continue;
                }
                // both overdue (the first is the earlier): the account counts once among the overdue
                overdueAccounts -= pair.getValue();
                if (first == next) {
                    accounts[first] -= pair.getValue();
                }
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        BigDecimal total = ZERO;
        for (int i = 0; i < 4; i++) {
            buckets.add(new Bucket(labels[i], amounts[i], accounts[i], charges[i]));
            total = total.add(amounts[i]);
        }
        return new ArrearsAging(query.estateId().value(), query.asOf(), currency, buckets, total, overdueAccounts);
    }

    /** The aging bucket of a due date on {@code asOf} (0-30, 31-60, 61-90, 90+ days overdue); -1 if not overdue. */
    private static int bucketOf(LocalDate dueDate, LocalDate asOf) {
        if (!dueDate.isBefore(asOf)) {
            return -1;
        }
        long days = asOf.toEpochDay() - dueDate.toEpochDay();
        return days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> map) {
        return map == null ? Map.of() : map;
    }

    private static CollectionRate collection(String currency, List<PeriodFigures> periods, GetCollectionRate query) {
        BigDecimal billed = ZERO;
        BigDecimal collected = ZERO;
        BigDecimal waived = ZERO;
        int accounts = 0;
        for (PeriodFigures f : periods) {
            billed = billed.add(orZero(f.billed()));
            collected = collected.add(orZero(f.collected()));
            waived = waived.add(orZero(f.waived()));
            accounts += f.accounts();
        }
        BigDecimal outstanding = billed.subtract(collected).subtract(waived);
        return new CollectionRate(query.estateId().value(), query.period(), currency, billed, collected, waived,
                outstanding, CollectionRate.rate(collected, billed.subtract(waived)), accounts);
    }

    private static IncomeByItem income(String currency, List<PeriodFigures> periods, GetIncomeByItem query) {
        Map<String, BigDecimal> income = new TreeMap<>();
        BigDecimal total = ZERO;
        BigDecimal lateFees = ZERO;
        for (PeriodFigures f : periods) {
            if (f.paid() != null) {
                for (Map.Entry<String, BigDecimal> item : f.paid().entrySet()) {
                    income.merge(unescape(item.getKey()), item.getValue(), BigDecimal::add);
                    total = total.add(item.getValue());
                }
            }
            lateFees = lateFees.add(orZero(f.lateFeePaid()));
        }
        // a charge's late fee paid is never negative, so the sum is non-zero exactly when some charge's is
        if (lateFees.signum() != 0) {
            income.merge("LATE_FEE", lateFees, BigDecimal::add);
            total = total.add(lateFees);
        }
        return new IncomeByItem(query.estateId().value(), query.from(), query.to(), currency, income, total);
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? ZERO : amount;
    }

    /** The period figures of the months from..to, every shard: by id, so only those months are read. */
    private List<PeriodFigures> periods(String estateId, YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            return List.of();
        }
        Query query;
        if (ChronoUnit.MONTHS.between(from, to) < MAX_MONTHS_BY_ID) {
            List<String> ids = new ArrayList<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                for (int shard = 0; shard < PeriodFigures.SHARDS; shard++) {
                    ids.add(PeriodFigures.idOf(estateId, month.toString(), shard));
                }
            }
            query = Query.query(where("_id").in(ids));
        } else {
            query = Query.query(where("estateId").is(estateId));
        }
        query.fields().exclude(PeriodFigures.APPLIED);
        return mongo.find(query, PeriodFigures.class).stream().filter(f -> {
            YearMonth period = YearMonth.parse(f.period());
            return !period.isBefore(from) && !period.isAfter(to);
        }).toList();
    }

    /** The estate's arrears shards, by id, without what they counted per account. */
    private List<EstateArrears> arrearsOf(String estateId) {
        List<String> ids = new ArrayList<>();
        for (int shard = 0; shard < EstateArrears.SHARDS; shard++) {
            ids.add(EstateArrears.idOf(estateId, shard));
        }
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("estateId").include(EstateArrears.DUES).include(EstateArrears.PAIRS);
        return mongo.find(query, EstateArrears.class);
    }

    /** The estate's currency as its statements have it (null without any); one statement read, its currency only. */
    private String currencyOf(String estateId) {
        Query query = Query.query(where("estateId").is(estateId)).limit(1);
        query.fields().include("currency");
        Document statement = mongo.findOne(query, Document.class, STATEMENTS);
        return statement == null ? null : statement.getString("currency");
    }
}
