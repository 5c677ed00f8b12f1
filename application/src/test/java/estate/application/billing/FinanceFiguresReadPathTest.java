package estate.application.billing;

import com.mongodb.client.MongoClient;
import estate.application.support.ApplicationTest;
import estate.domain.billing.BillingQueries.GetArrearsAging;
import estate.domain.billing.BillingQueries.GetCollectionRate;
import estate.domain.billing.BillingQueries.GetEstateFinanceFigures;
import estate.domain.billing.BillingQueries.GetIncomeByItem;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.ChargeId;
import estate.domain.owners.ChargePart;
import estate.domain.owners.ContactDetails;
import estate.domain.owners.HolderType;
import estate.domain.owners.LedgerLines.Allocation;
import estate.domain.owners.LedgerLines.CreditSource;
import estate.domain.owners.LedgerLines.LateFeeLine;
import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import estate.domain.owners.OwnerAccountEvent.CreditApplied;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.LateFeesAccrued;
import estate.domain.owners.OwnerAccountEvent.PaymentAllocated;
import estate.domain.owners.OwnerAccountEvent.PaymentReversed;
import estate.domain.owners.OwnerAccountEvent.RefundApproved;
import estate.domain.owners.OwnerAccountEvent.WaiverApproved;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.PaymentId;
import estate.domain.owners.RefundId;
import estate.domain.owners.WaiverId;
import estate.domain.shared.Money;
import estate.projections.billing.AccountStatement;
import estate.projections.billing.AccountStatement.Charge;
import estate.projections.billing.FinanceFigures.ArrearsAging;
import estate.projections.billing.FinanceFigures.Bucket;
import estate.projections.billing.FinanceFigures.CollectionRate;
import estate.projections.billing.FinanceFigures.EstateFinanceFigures;
import estate.projections.billing.FinanceFigures.IncomeByItem;
import estate.projections.billing.StatementProjection;
import estate.projections.support.WriteBuffer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The estate finance figures read from the per-month figures and the accounts' open amounts equal, exactly, the
 * figures computed the old way from every charge of every statement, for a history with charges over several
 * months and fee items, partial payments, late fees paid and waived, a waiver of principal, credit used, a
 * reversed payment and a refund; and they stay equal when batches are delivered again, including after a crash
 * left the statements and the figures at different points.
 */
class FinanceFiguresReadPathTest extends ApplicationTest {

    private static final String ESTATE = "figures-estate";
    private static final String OTHER = "figures-other";
    private static final Currency CNY = Currency.getInstance("CNY");

    @Autowired
    MongoClient client;
    @Autowired
    MongoConverter converter;

    @Test
    void theFiguresEqualABruteForceComputationFromTheStatements() {
        MongoTemplate mongo = oneAtATime(history());

        assertFiguresMatchStatements(mongo);
        // a few by hand, so the comparison cannot pass on two empty answers
        CollectionRate january = query(mongo, new GetCollectionRate(new EstateId(ESTATE), YearMonth.of(2026, 1)),
                CollectionRate.class);
        assertThat(january.billed()).isEqualTo(new BigDecimal("210.00"));
        assertThat(january.collected()).as("A1 100.00, A2 10.00 + 10.00 (20.00 reversed)")
                .isEqualTo(new BigDecimal("120.00"));
        assertThat(january.accountsBilled()).isEqualTo(2);
        IncomeByItem income = query(mongo, new GetIncomeByItem(new EstateId(ESTATE), YearMonth.of(2026, 1),
                YearMonth.of(2026, 12)), IncomeByItem.class);
        assertThat(income.income()).containsEntry("LATE_FEE", new BigDecimal("3.80"))
                .containsEntry("SERVICE.FEE", new BigDecimal("0.00"))
                .containsEntry("PARKING", new BigDecimal("50.00"));
        ArrearsAging aging = query(mongo, new GetArrearsAging(new EstateId(ESTATE), LocalDate.of(2026, 4, 30)),
                ArrearsAging.class);
        assertThat(aging.accountsOverdue()).isEqualTo(3);
        assertThat(aging.totalOverdue()).isPositive();
    }

    @Test
    void batchesDeliveredAgainWholeOrInPartsChangeNothing() {
        List<EventMessage<?>> events = history();
        MongoTemplate expected = oneAtATime(events);

        MongoTemplate batched = database();
        deliverInBatches(batched, events, 5);
        assertThat(contents(batched)).isEqualTo(contents(expected));
        deliverInBatches(batched, events, 7);
        deliverInBatches(batched, events.subList(3, 20), 4);
        deliverOneAtATime(batched, events.subList(10, events.size()));
        assertThat(contents(batched)).as("events applied twice").isEqualTo(contents(expected));
        assertFiguresMatchStatements(batched);
    }

    @Test
    void aCrashBetweenTheBulkWritesOfABatchIsRepairedByItsRedelivery() {
        List<EventMessage<?>> events = history();
        MongoTemplate expected = oneAtATime(events);

        // the buffer writes the shared documents first (period figures, then arrears), then the statements:
        // the batch of events 12..29 crashed after writing the period figures
        assertRedeliveryRepairs(events, expected, false, "estate_arrears", "account_statements");
        // the same batch crashed after writing the period figures and the arrears, before the statements
        assertRedeliveryRepairs(events, expected, false, "account_statements");
    }

    @Test
    void arrearsEntriesOfTheEarlierLayoutAreReadAndReplacedAtTheAccountsNextChange() {
        List<EventMessage<?>> events = history();
        MongoTemplate expected = oneAtATime(events);

        MongoTemplate upgraded = database();
        deliverInBatches(upgraded, events.subList(0, 12), 12);
        assertThat(toEarlierLayout(upgraded)).as("entries rewritten").isEqualTo(4);
        deliverInBatches(upgraded, events.subList(12, events.size()), 5);
        assertThat(contents(upgraded)).as("every account changed again: no entry of the earlier layout left")
                .isEqualTo(contents(expected));
        assertFiguresMatchStatements(upgraded);

        // the earlier layout wrote the statements before the arrears: a crash between them left the arrears behind,
        // and their entries' own open amounts repair it
        assertRedeliveryRepairs(events, expected, true, "estate_period_figures", "estate_arrears");
        assertRedeliveryRepairs(events, expected, true, "estate_arrears");
        assertRedeliveryRepairs(events, expected, true, "account_statements");
    }

    @Test
    void aStatementAheadOfWhatTheArrearsCountedFailsTheBatchInsteadOfCountingWrong() {
        List<EventMessage<?>> events = history();
        MongoTemplate broken = database();
        deliverInBatches(broken, events.subList(0, 12), 12);
        List<Document> arrears = all(broken, "estate_arrears");
        deliverInBatches(broken, events.subList(12, 30), 18);
        restore(broken, "estate_arrears", arrears);
        Map<String, List<Document>> before = contents(broken);

        BatchingUnitOfWork<EventMessage<?>> batch = runAsBatch(broken, events.subList(12, events.size()));

        assertThat(batch.getExecutionResult().isExceptionResult()).isTrue();
        assertThat(batch.getExecutionResult().getExceptionResult()).rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("behind its stored statement")
                .hasMessageContaining("reset the account-statement read models");
        assertThat(contents(broken)).as("nothing of the failed batch written").isEqualTo(before);
    }

    /**
     * The batch of events 12..29 written except for the collections {@code leftBehind} (restored as they were
     * before it), then delivered again with the rest: the same documents as one event at a time, the same figures
     * as the statements. With {@code earlierLayout}, the arrears' entries are first rewritten as the layout before
     * session 9 wrote them.
     */
    private void assertRedeliveryRepairs(List<EventMessage<?>> events, MongoTemplate expected, boolean earlierLayout,
                                         String... leftBehind) {
        MongoTemplate crashed = database();
        deliverInBatches(crashed, events.subList(0, 12), 12);
        if (earlierLayout) {
            toEarlierLayout(crashed);
        }
        Map<String, List<Document>> before = new LinkedHashMap<>();
        for (String collection : leftBehind) {
            before.put(collection, all(crashed, collection));
        }
        deliverInBatches(crashed, events.subList(12, 30), 18);
        before.forEach((collection, documents) -> restore(crashed, collection, documents));
        deliverInBatches(crashed, events.subList(12, events.size()), 30);
        assertThat(contents(crashed)).as("left behind: %s", List.of(leftBehind)).isEqualTo(contents(expected));
        assertFiguresMatchStatements(crashed);
    }

    /**
     * Rewrites every entry of the estate arrears' {@code counted} as the layout before session 9 had it: the
     * statement's sequence and its open amount and charges by due date, from the stored statement (which the
     * entry counted). How many entries it rewrote.
     */
    private static int toEarlierLayout(MongoTemplate mongo) {
        int rewritten = 0;
        for (Document shard : all(mongo, "estate_arrears")) {
            Document counted = shard.get("counted", Document.class);
            Document earlier = new Document();
            for (Map.Entry<String, Object> entry : counted.entrySet()) {
                AccountStatement statement = mongo.findById(entry.getKey(), AccountStatement.class);
                assertThat(statement.lastSequence()).isEqualTo(((Number) entry.getValue()).longValue());
                Map<LocalDate, BigDecimal> amounts = new TreeMap<>();
                Map<LocalDate, Integer> charges = new TreeMap<>();
                for (Charge c : statement.charges()) {
                    if (c.open().signum() > 0) {
                        amounts.merge(c.dueDate(), c.open(), BigDecimal::add);
                        charges.merge(c.dueDate(), 1, Integer::sum);
                    }
                }
                Document open = new Document();
                amounts.forEach((due, amount) -> open.append(due.toString(), new Document("amount",
                        new Decimal128(amount)).append("charges", charges.get(due))));
                earlier.append(entry.getKey(), new Document("sequence", statement.lastSequence())
                        .append("open", open));
                rewritten++;
            }
            mongo.updateFirst(Query.query(where("_id").is(shard.get("_id"))), new Update().set("counted", earlier),
                    "estate_arrears");
        }
        return rewritten;
    }

    @Test
    void agingFromTheEstateArrearsEqualsTheStatementsForManyAccountsOpenOnSeveralDueDatesOfABucket() {
        List<EventMessage<?>> events = manyAccounts(90, 7L);
        MongoTemplate expected = oneAtATime(events);

        MongoTemplate batched = database();
        deliverInBatches(batched, events, 17);
        deliverInBatches(batched, events.subList(40, 300), 23);
        assertThat(contents(batched)).as("same documents whatever the batches, events applied twice")
                .isEqualTo(contents(expected));

        List<AccountStatement> statements = statementsOf(batched);
        assertThat(statements).hasSize(90);
        assertAgingMatchesStatementsEveryDay(batched, statements, LocalDate.of(2025, 12, 31),
                LocalDate.of(2027, 2, 1));
        List<Document> shards = all(batched, "estate_arrears").stream()
                .filter(shard -> ESTATE.equals(shard.getString("estateId"))).toList();
        assertThat(shards).hasSizeLessThanOrEqualTo(32).hasSizeGreaterThan(16);
        for (Document shard : shards) {
            assertThat(shard.get("dues", Document.class).values()).as("no entry left at zero")
                    .allSatisfy(due -> assertThat(((Document) due).getInteger("accounts")).isPositive());
            assertThat(shard.get("pairs", Document.class).values())
                    .allSatisfy(pair -> assertThat((Integer) pair).isPositive());
        }
        // by hand, so that the comparison cannot pass on a history without accounts open on several due dates
        ArrearsAging aging = query(batched, new GetArrearsAging(new EstateId(ESTATE), LocalDate.of(2026, 10, 1)),
                ArrearsAging.class);
        int perDueDate = 0;
        for (AccountStatement s : statements) {
            perDueDate += (int) s.charges().stream().filter(c -> c.open().signum() > 0
                    && c.dueDate().isBefore(LocalDate.of(2026, 10, 1))).map(Charge::dueDate).distinct().count();
        }
        assertThat(aging.accountsOverdue()).isPositive().isLessThan(perDueDate);
        assertThat(aging.buckets().get(3).accounts()).isPositive()
                .isLessThan(aging.buckets().get(3).charges());
    }

    private static List<AccountStatement> statementsOf(MongoTemplate mongo) {
        return mongo.find(Query.query(where("estateId").is(ESTATE)), AccountStatement.class);
    }

    /**
     * {@code count} accounts of the estate (and one of another) over nine months: a property fee due on the 15th
     * and for some a parking fee due at the month's end, late fees, payments of parts of several charges, some
     * reversed, waivers; a seeded random history, so most accounts are open on several due dates at a time.
     */
    private static List<EventMessage<?>> manyAccounts(int count, long seed) {
        Random random = new Random(seed);
        List<Account> accounts = new ArrayList<>();
        List<EventMessage<?>> log = new ArrayList<>();
        Map<Account, Map<String, BigDecimal>> open = new LinkedHashMap<>();
        for (int i = 0; i <= count; i++) {
            Account account = new Account(i < count ? ESTATE : OTHER);
            accounts.add(account);
            open.put(account, new LinkedHashMap<>());
            log.add(account.opened());
        }
        int charge = 0;
        int payment = 0;
        for (YearMonth month = YearMonth.of(2026, 1); !month.isAfter(YearMonth.of(2026, 9));
             month = month.plusMonths(1)) {
            for (Account account : accounts) {
                String id = "M" + (++charge);
                BigDecimal amount = BigDecimal.valueOf(5000 + random.nextInt(10000), 2);
                log.add(account.charge(id, "PROPERTY_FEE", month.toString(), amount.toPlainString(),
                        month.atDay(15)));
                open.get(account).put(id, amount);
                if (random.nextInt(3) == 0) {
                    String parking = "M" + (++charge);
                    log.add(account.charge(parking, "PARKING", month.toString(), "30.00", month.atEndOfMonth()));
                    open.get(account).put(parking, new BigDecimal("30.00"));
                }
            }
            for (Account account : accounts) {
                List<String> charges = new ArrayList<>(open.get(account).keySet());
                if (charges.isEmpty()) {
                    continue;
                }
                String target = charges.get(random.nextInt(charges.size()));
                int dice = random.nextInt(10);
                if (dice < 3) {
                    // pays parts: the oldest charges in full, then some of one more
                    List<Allocation> allocations = new ArrayList<>();
                    for (String paid : charges.subList(0, Math.min(charges.size(), 1 + random.nextInt(3)))) {
                        BigDecimal owed = open.get(account).get(paid);
                        BigDecimal part = random.nextBoolean() ? owed : owed.divide(BigDecimal.valueOf(2), 2,
                                RoundingMode.DOWN);
                        allocations.add(allocation(paid, ChargePart.PRINCIPAL, part.toPlainString()));
                        settle(open.get(account), paid, part);
                    }
                    PaymentId id = new PaymentId("PM" + (++payment));
                    log.add(account.event(new PaymentAllocated(account.id, account.estate, id, allocations,
                            cny("0.00"), month.atDay(20))));
                    if (random.nextInt(4) == 0) {
                        BigDecimal total = allocations.stream().map(a -> a.amount().amount())
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        log.add(account.event(new PaymentReversed(account.id, account.estate, id, cny(
                                total.toPlainString()), allocations, cny("0.00"), month.atDay(25), "bounced")));
                        allocations.forEach(a -> open.get(account).merge(a.chargeId().value(), a.amount().amount(),
                                BigDecimal::add));
                    }
                } else if (dice == 3) {
                    BigDecimal owed = open.get(account).get(target);
                    log.add(account.event(new WaiverApproved(account.id, account.estate, new WaiverId("WM" + charge
                            + target), new ChargeId(target), ChargePart.PRINCIPAL, cny(owed.toPlainString()),
                            "manager", month.atDay(22))));
                    settle(open.get(account), target, owed);
                } else if (dice == 4) {
                    log.add(account.event(new LateFeesAccrued(account.id, account.estate, month.atDay(21),
                            List.of(new LateFeeLine(new ChargeId(target), new BigDecimal("1.5000"), cny("1.50"))),
                            cny("1.50"))));
                }
            }
        }
        return log;
    }

    private static void settle(Map<String, BigDecimal> open, String charge, BigDecimal amount) {
        BigDecimal left = open.get(charge).subtract(amount);
        if (left.signum() == 0) {
            open.remove(charge);
        } else {
            open.put(charge, left);
        }
    }

    // --- the history -----------------------------------------------------------------------------------------

    /**
     * Three accounts of the estate and one of another, their events interleaved as the log would have them.
     * A: two fee items in January, February and March, a late fee paid, credit used, a reversal, a waiver of
     * principal and of a late fee, a refund. B: three months, March paid. C: February paid, a fee item with a dot.
     */
    private static List<EventMessage<?>> history() {
        Account a = new Account(ESTATE);
        Account b = new Account(ESTATE);
        Account c = new Account(ESTATE);
        Account d = new Account(OTHER);
        List<EventMessage<?>> log = new ArrayList<>();
        log.add(a.opened());
        log.add(b.opened());
        log.add(a.charge("A1", "PROPERTY_FEE", "2026-01", "100.00"));
        log.add(a.charge("A2", "PARKING", "2026-01", "30.00"));
        log.add(b.charge("B1", "PROPERTY_FEE", "2026-01", "80.00"));
        log.add(c.opened());
        log.add(d.opened());
        log.add(d.charge("D1", "PROPERTY_FEE", "2026-01", "500.00"));
        log.add(a.charge("A3", "PROPERTY_FEE", "2026-02", "100.00"));
        log.add(b.charge("B2", "PROPERTY_FEE", "2026-02", "80.00"));
        log.add(c.charge("C1", "PARKING", "2026-02", "30.00"));
        log.add(a.event(new LateFeesAccrued(a.id, a.estate, LocalDate.of(2026, 2, 20),
                List.of(new LateFeeLine(new ChargeId("A1"), new BigDecimal("3.8000"), cny("3.80"))), cny("3.80"))));
        log.add(a.event(new PaymentAllocated(a.id, a.estate, new PaymentId("P1"), List.of(
                allocation("A1", ChargePart.PRINCIPAL, "100.00"), allocation("A1", ChargePart.LATE_FEE, "3.80"),
                allocation("A2", ChargePart.PRINCIPAL, "10.00")), cny("0.00"), LocalDate.of(2026, 2, 21))));
        log.add(c.event(new PaymentAllocated(c.id, c.estate, new PaymentId("P3"),
                List.of(allocation("C1", ChargePart.PRINCIPAL, "30.00")), cny("0.00"), LocalDate.of(2026, 2, 22))));
        log.add(a.charge("A4", "PROPERTY_FEE", "2026-03", "100.00"));
        log.add(b.charge("B3", "PROPERTY_FEE", "2026-03", "80.00"));
        log.add(c.charge("C2", "SERVICE.FEE", "2026-03", "12.50"));
        log.add(a.event(new PaymentAllocated(a.id, a.estate, new PaymentId("P2"), List.of(
                allocation("A2", ChargePart.PRINCIPAL, "20.00"), allocation("A3", ChargePart.PRINCIPAL, "50.00")),
                cny("25.00"), LocalDate.of(2026, 3, 2))));
        log.add(b.event(new PaymentAllocated(b.id, b.estate, new PaymentId("P4"),
                List.of(allocation("B3", ChargePart.PRINCIPAL, "80.00")), cny("0.00"), LocalDate.of(2026, 3, 3))));
        log.add(a.event(new CreditApplied(a.id, a.estate, new ChargeId("A3"), ChargePart.PRINCIPAL, cny("25.00"),
                List.of(new CreditSource(new PaymentId("P2"), cny("25.00"))), LocalDate.of(2026, 3, 4))));
        log.add(a.event(new PaymentReversed(a.id, a.estate, new PaymentId("P2"), cny("95.00"), List.of(
                allocation("A2", ChargePart.PRINCIPAL, "20.00"), allocation("A3", ChargePart.PRINCIPAL, "50.00")),
                cny("0.00"), LocalDate.of(2026, 3, 6), "bounced")));
        log.add(a.event(new WaiverApproved(a.id, a.estate, new WaiverId("W1"), new ChargeId("A3"),
                ChargePart.PRINCIPAL, cny("10.00"), "manager", LocalDate.of(2026, 3, 8))));
        log.add(a.event(new LateFeesAccrued(a.id, a.estate, LocalDate.of(2026, 3, 20),
                List.of(new LateFeeLine(new ChargeId("A3"), new BigDecimal("2.0000"), cny("2.00"))), cny("2.00"))));
        log.add(a.event(new WaiverApproved(a.id, a.estate, new WaiverId("W2"), new ChargeId("A3"),
                ChargePart.LATE_FEE, cny("2.00"), "manager", LocalDate.of(2026, 3, 21))));
        log.add(d.event(new PaymentAllocated(d.id, d.estate, new PaymentId("P5"),
                List.of(allocation("D1", ChargePart.PRINCIPAL, "200.00")), cny("0.00"), LocalDate.of(2026, 3, 22))));
        log.add(a.event(new PaymentAllocated(a.id, a.estate, new PaymentId("P6"),
                List.of(allocation("A2", ChargePart.PRINCIPAL, "10.00")), cny("5.00"), LocalDate.of(2026, 3, 25))));
        log.add(a.event(new RefundApproved(a.id, a.estate, new RefundId("R1"), cny("5.00"),
                List.of(new CreditSource(new PaymentId("P6"), cny("5.00"))), "manager", LocalDate.of(2026, 3, 28))));
        log.add(b.charge("B4", "PARKING", "2026-04", "30.00"));
        log.add(c.event(new PaymentAllocated(c.id, c.estate, new PaymentId("P7"),
                List.of(allocation("C2", ChargePart.PRINCIPAL, "2.50")), cny("0.00"), LocalDate.of(2026, 4, 2))));
        log.add(c.event(new PaymentReversed(c.id, c.estate, new PaymentId("P7"), cny("2.50"),
                List.of(allocation("C2", ChargePart.PRINCIPAL, "2.50")), cny("0.00"), LocalDate.of(2026, 4, 3),
                "mistaken")));
        log.add(a.charge("A5", "PARKING", "2026-04", "30.00"));
        return log;
    }

    private static final class Account {
        final OwnerAccountId id = new OwnerAccountId("acc-" + UUID.randomUUID());
        final EstateId estate;
        long sequence = -1;

        Account(String estate) {
            this.estate = new EstateId(estate);
        }

        EventMessage<?> opened() {
            return event(new AccountOpened(id, estate, HolderType.OWNER, new ContactDetails("Figures Owner",
                    "13300000000", null), List.of(new UnitId("unit-" + id)), LocalDate.of(2025, 12, 1), null, CNY,
                    ZoneId.of("Asia/Shanghai")));
        }

        EventMessage<?> charge(String charge, String feeItem, String period, String amount) {
            return charge(charge, feeItem, period, amount, YearMonth.parse(period).atDay(15));
        }

        EventMessage<?> charge(String charge, String feeItem, String period, String amount, LocalDate dueDate) {
            return event(new FeeCharged(id, estate, new ChargeId(charge), feeItem, YearMonth.parse(period),
                    cny(amount), dueDate, new UnitId("unit-" + id), feeItem + " " + period, 1));
        }

        EventMessage<?> event(Object payload) {
            sequence++;
            return new GenericDomainEventMessage<>("OwnerAccount", id.value(), sequence, payload);
        }
    }

    private static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), CNY);
    }

    private static Allocation allocation(String charge, ChargePart part, String amount) {
        return new Allocation(new ChargeId(charge), part, cny(amount));
    }

    // --- the comparison ----------------------------------------------------------------------------------------

    private static void assertFiguresMatchStatements(MongoTemplate mongo) {
        EstateId estate = new EstateId(ESTATE);
        List<AccountStatement> statements = mongo.find(Query.query(where("estateId").is(ESTATE)),
                AccountStatement.class);
        assertThat(statements).hasSize(3);
        assertAgingMatchesStatementsEveryDay(mongo, statements, LocalDate.of(2025, 12, 1),
                LocalDate.of(2026, 12, 31));
        for (YearMonth month = YearMonth.of(2025, 12); !month.isAfter(YearMonth.of(2026, 5));
             month = month.plusMonths(1)) {
            GetCollectionRate rate = new GetCollectionRate(estate, month);
            assertThat(query(mongo, rate, CollectionRate.class)).as("collection of %s", month)
                    .isEqualTo(collection(statements, rate));
        }
        for (YearMonth[] range : new YearMonth[][]{{YearMonth.of(2026, 1), YearMonth.of(2026, 12)},
                {YearMonth.of(2026, 2), YearMonth.of(2026, 3)}, {YearMonth.of(2026, 4), YearMonth.of(2026, 4)},
                {YearMonth.of(2026, 3), YearMonth.of(2026, 1)}, {YearMonth.of(1990, 1), YearMonth.of(2100, 12)}}) {
            GetIncomeByItem income = new GetIncomeByItem(estate, range[0], range[1]);
            assertThat(query(mongo, income, IncomeByItem.class)).as("income %s..%s", range[0], range[1])
                    .isEqualTo(income(statements, income));
        }
        GetEstateFinanceFigures all = new GetEstateFinanceFigures(new GetArrearsAging(estate,
                LocalDate.of(2026, 3, 31)), new GetCollectionRate(estate, YearMonth.of(2026, 3)),
                new GetIncomeByItem(estate, YearMonth.of(2026, 1), YearMonth.of(2026, 3)));
        assertThat(query(mongo, all, EstateFinanceFigures.class)).isEqualTo(new EstateFinanceFigures(
                aging(statements, all.aging()), collection(statements, all.collection()),
                income(statements, all.income())));
        GetEstateFinanceFigures apart = new GetEstateFinanceFigures(all.aging(),
                new GetCollectionRate(estate, YearMonth.of(2026, 4)), all.income());
        assertThat(query(mongo, apart, EstateFinanceFigures.class).collection())
                .isEqualTo(collection(statements, apart.collection()));
    }

    /** Aging as of every day from..to (past days included: the as-of day only moves the buckets) equals the oracle. */
    private static void assertAgingMatchesStatementsEveryDay(MongoTemplate mongo, List<AccountStatement> statements,
                                                             LocalDate from, LocalDate to) {
        EstateId estate = new EstateId(ESTATE);
        for (LocalDate asOf = from; !asOf.isAfter(to); asOf = asOf.plusDays(1)) {
            GetArrearsAging aging = new GetArrearsAging(estate, asOf);
            assertThat(query(mongo, aging, ArrearsAging.class)).as("aging as of %s", asOf)
                    .isEqualTo(aging(statements, aging));
        }
    }

    private static <R> R query(MongoTemplate mongo, Object query, Class<R> type) {
        try {
            Object answer = new AnnotationQueryHandlerAdapter<>(new StatementProjection(mongo))
                    .handle(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(type)));
            return type.cast(answer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Arrears aging as computed before the figures: every charge of every statement. */
    private static ArrearsAging aging(List<AccountStatement> statements, GetArrearsAging query) {
        String[] labels = {"0-30", "31-60", "61-90", "90+"};
        BigDecimal[] amounts = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        List<Set<String>> accounts = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        int[] charges = new int[4];
        Set<String> overdue = new HashSet<>();
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
                overdue.add(s.accountId());
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 4; i++) {
            buckets.add(new Bucket(labels[i], amounts[i], accounts.get(i).size(), charges[i]));
            total = total.add(amounts[i]);
        }
        return new ArrearsAging(query.estateId().value(), query.asOf(), currency, buckets, total, overdue.size());
    }

    private static CollectionRate collection(List<AccountStatement> statements, GetCollectionRate query) {
        String period = query.period().toString();
        BigDecimal billed = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;
        BigDecimal waived = BigDecimal.ZERO;
        BigDecimal outstanding = BigDecimal.ZERO;
        int accounts = 0;
        String currency = null;
        for (AccountStatement s : statements) {
            currency = s.currency();
            boolean billedHere = false;
            for (Charge c : s.charges()) {
                if (period.equals(c.period())) {
                    billedHere = true;
                    billed = billed.add(c.amount());
                    collected = collected.add(c.paid());
                    waived = waived.add(c.waived());
                    outstanding = outstanding.add(c.principalOpen());
                }
            }
            accounts += billedHere ? 1 : 0;
        }
        BigDecimal due = billed.subtract(waived);
        BigDecimal rate = due.signum() == 0 ? BigDecimal.ONE.setScale(4, RoundingMode.HALF_EVEN)
                : collected.divide(due, 4, RoundingMode.HALF_EVEN);
        return new CollectionRate(query.estateId().value(), query.period(), currency, billed, collected, waived,
                outstanding, rate, accounts);
    }

    private static IncomeByItem income(List<AccountStatement> statements, GetIncomeByItem query) {
        Map<String, BigDecimal> income = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
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

    // --- delivery ------------------------------------------------------------------------------------------------

    private MongoTemplate database() {
        return new MongoTemplate(new SimpleMongoClientDatabaseFactory(client,
                "figures_" + UUID.randomUUID().toString().replace("-", "")), converter);
    }

    /** A fresh database with {@code events} delivered one at a time: what every batching must build. */
    private MongoTemplate oneAtATime(List<EventMessage<?>> events) {
        MongoTemplate mongo = database();
        deliverOneAtATime(mongo, events);
        return mongo;
    }

    private static void deliverOneAtATime(MongoTemplate mongo, List<EventMessage<?>> events) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(new StatementProjection(mongo));
        for (EventMessage<?> event : events) {
            handle(adapter, event);
        }
    }

    private static void deliverInBatches(MongoTemplate mongo, List<EventMessage<?>> events, int size) {
        for (int from = 0; from < events.size(); from += size) {
            deliverAsBatch(mongo, events.subList(from, Math.min(events.size(), from + size)));
        }
    }

    private static void deliverAsBatch(MongoTemplate mongo, List<EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> batch = runAsBatch(mongo, events);
        assertThat(batch.getExecutionResult().isExceptionResult()).isFalse();
    }

    /** One batching unit of work with the flush interceptor, as a tracking processor runs a batch. */
    private static BatchingUnitOfWork<EventMessage<?>> runAsBatch(MongoTemplate mongo, List<EventMessage<?>> events) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(new StatementProjection(mongo));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(events));
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.of(WriteBuffer.flushAtEndOfBatch()), message -> {
            handle(adapter, message);
            return null;
        }).proceed());
        return batch;
    }

    private static void handle(AnnotationEventHandlerAdapter adapter, EventMessage<?> event) {
        try {
            if (adapter.canHandle(event)) {
                adapter.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Document> all(MongoTemplate mongo, String collection) {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, collection);
    }

    private static void restore(MongoTemplate mongo, String collection, List<Document> documents) {
        mongo.dropCollection(collection);
        documents.forEach(document -> mongo.insert(document, collection));
    }

    private static Map<String, List<Document>> contents(MongoTemplate mongo) {
        Map<String, List<Document>> contents = new LinkedHashMap<>();
        for (String collection : new TreeSet<>(mongo.getCollectionNames())) {
            contents.put(collection, all(mongo, collection));
        }
        return contents;
    }
}
