package estate.domain.owners;

import estate.domain.owners.LedgerLines.Allocation;
import estate.domain.owners.LedgerLines.CreditSource;
import estate.domain.owners.LedgerLines.LateFeeLine;
import estate.domain.owners.OwnerAccountCommands.ApproveRefund;
import estate.domain.owners.OwnerAccountCommands.ApproveWaiver;
import estate.domain.owners.OwnerAccountCommands.AssessArrears;
import estate.domain.owners.OwnerAccountCommands.ChargeFee;
import estate.domain.owners.OwnerAccountCommands.MoveOut;
import estate.domain.owners.OwnerAccountCommands.RecordPayment;
import estate.domain.owners.OwnerAccountCommands.RejectRefund;
import estate.domain.owners.OwnerAccountCommands.RejectWaiver;
import estate.domain.owners.OwnerAccountCommands.RequestRefund;
import estate.domain.owners.OwnerAccountCommands.RequestWaiver;
import estate.domain.owners.OwnerAccountCommands.ReversePayment;
import estate.domain.owners.OwnerAccountEvent.AccountClosed;
import estate.domain.owners.OwnerAccountEvent.CreditApplied;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.LateFeesAccrued;
import estate.domain.owners.OwnerAccountEvent.PaymentAllocated;
import estate.domain.owners.OwnerAccountEvent.PaymentReceived;
import estate.domain.owners.OwnerAccountEvent.PaymentReversed;
import estate.domain.owners.OwnerAccountEvent.RefundApproved;
import estate.domain.owners.OwnerAccountEvent.WaiverApproved;
import estate.domain.shared.DomainRuleViolation;
import estate.domain.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.messaging.Message;
import org.axonframework.test.FixtureExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static estate.domain.owners.LedgerExamples.FINANCE_CLERK;
import static estate.domain.owners.LedgerExamples.MANAGER;
import static estate.domain.owners.LedgerExamples.morningOf;
import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.cny;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's laws over random histories of charges, payments (some naming charges, some recorded days after they
 * were received), reversals, arrears runs, waivers and refunds, each step a command on one
 * {@code AggregateTestFixture}; a step the rules refuse changes nothing and the history goes on. The laws are
 * checked on the events (an independent bookkeeping of what is outstanding on each charge part and how much credit
 * each payment holds) and against the aggregate's ledger.
 */
class LedgerLawsPropertiesTest {

    private static final LocalDate OPENED = LocalDate.of(2026, 11, 1);
    /** Two grace days, 0.05 % a day, capped at 10 % of the principal: histories reach the cap now and then. */
    private static final LateFeeTerms TERMS = new LateFeeTerms(2, new BigDecimal("0.0005"), new BigDecimal("0.1"));

    /** One step of a history. Indexes pick among the charges or payments made so far, modulo their number. */
    sealed interface Step permits Charge, Pay, Reverse, Assess, NextDaysRun, AssessAgain, Waive, Refund, DaysPass {
    }

    record Charge(long fen, int dueInDays) implements Step {
    }

    /** {@code daysEarlier}: received that many days before the day it is recorded (bank statements come late). */
    record Pay(long fen, List<Integer> named, int daysEarlier) implements Step {
    }

    record Reverse(int payment) implements Step {
    }

    record Assess() implements Step {
    }

    /** A day passes and the run of the day that ended: the nightly run after the day's work. */
    record NextDaysRun() implements Step {
    }

    /**
     * A run for a day the account already stands assessed through: {@code daysBack} days before the last day a
     * {@code LateFeesAccrued} recorded (0: that day again). A finance user repeating yesterday's run, or running an
     * earlier day by mistake.
     */
    record AssessAgain(int daysBack) implements Step {
    }

    record Waive(int charge, ChargePart part, long fen, boolean approve) implements Step {
    }

    record Refund(long fen, boolean approve) implements Step {
    }

    record DaysPass(int days) implements Step {
    }

    @Property(tries = 100)
    void balanceIsChargesAndLateFeesLessPaymentsPlusReversalsLessWaiversPlusRefunds(
            @ForAll("histories") List<Step> history) {
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        TestExecutor<OwnerAccount> account = fixture.given(accountOpened());
        play(fixture, account, history);
        List<Object> events = events(fixture);
        Books books = Books.of(events);
        for (Class<?> kind : List.of(LateFeesAccrued.class, CreditApplied.class, PaymentReversed.class,
                WaiverApproved.class, RefundApproved.class)) {
            Statistics.label(kind.getSimpleName()).collect(events.stream().anyMatch(kind::isInstance));
        }
        for (Class<?> kind : List.of(LateFeesAccrued.class, CreditApplied.class, PaymentReversed.class,
                WaiverApproved.class, RefundApproved.class)) {
            Statistics.label(kind.getSimpleName())
                    .coverage(coverage -> coverage.check(true).percentage(p -> p >= 5));
        }

        assertBalanceLaw(events, books);
    }

    /**
     * The history of seed 5156637566787707790 (shrunk), where a held late fee met the law's probe. C0 (1.01, due on
     * the opening day) had 0.01 of late fee through 13 November; P0 (1.02) paid its principal and that 0.01, and was
     * recorded a day after it came (dated the 13th), so the next run for a new day (the 14th; the runs for the 13th
     * again change nothing) recomputed the late fee at 0.004545 and held it at the 0.01 paid. Then P0 bounced. The
     * reversal releases the hold (−0.01) in the same decision, so a run for a day before any due date (the probe)
     * has nothing to do; it used to meet the pending release.
     */
    @Example
    void aReversalOfAPaymentThatSettledAHeldLateFeeLeavesNothingForTheNextRun() {
        List<Step> history = List.of(
                new Charge(101, 0), new DaysPass(13), new Charge(1, 0), new Charge(1, 0), new Charge(1, 0),
                new Assess(), new Pay(102, List.of(), 1), new Waive(0, ChargePart.PRINCIPAL, 119, true),
                new Charge(500000, 10), new Pay(151, List.of(4), 0), new Pay(606, List.of(7, 4), 1), new Assess(),
                new Pay(16044, List.of(), 1), new Charge(442309, 10), new Charge(500000, 1),
                new Waive(0, ChargePart.PRINCIPAL, 2, false), new Pay(1, List.of(9), 0), new AssessAgain(0),
                new DaysPass(1), new Assess(),
                new Waive(5, ChargePart.PRINCIPAL, 25, true), new Charge(460120, 1),
                new Waive(4, ChargePart.PRINCIPAL, 712, true), new Waive(0, ChargePart.PRINCIPAL, 20000, false),
                new Reverse(0));
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        play(fixture, fixture.given(accountOpened()), history);
        List<Object> events = events(fixture);

        LocalDate bounced = OPENED.plusDays(14);
        assertThat(events.subList(events.size() - 2, events.size())).containsExactly(
                LedgerExamples.reversed("P0", "1.02", "0.00", bounced, LedgerExamples.principal("C0", "1.01"),
                        LedgerExamples.lateFee("C0", "0.01")),
                LedgerExamples.lateFeesAccrued(bounced.minusDays(1),
                        LedgerExamples.feeLine("C0", "0.004545", "-0.01")));
        Books books = Books.of(events);
        // 19,025.33 charged + 0.00 late fees − 169.04 paid + 1.02 reversed − 7.37 waived, all of it open
        assertThat(books.balance).isEqualByComparingTo("18849.94");
        assertThat(books.outstanding.get("C0/LATE_FEE")).isEqualByComparingTo("0.00");
        assertThat(books.outstanding.get("C0/PRINCIPAL")).isEqualByComparingTo("1.01");
        assertThat(books.credit()).isZero();
        assertBalanceLaw(events, books);
    }

    /**
     * A run for a day already assessed, or an earlier one, records nothing (checked at each {@link AssessAgain} step,
     * see {@link #assertARunForADayAlreadyAssessedRecordsNothing}), also when a payment dated on a day already assessed
     * waits to correct the late fee: the correction is the next run's for a new day.
     */
    @Property(tries = 300)
    void aRunForADayAlreadyAssessedRecordsNothing(@ForAll("correctingHistories") List<Step> history) {
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        play(fixture, fixture.given(accountOpened()), history);

        Statistics.label(AGAIN).coverage(c -> c.check(PENDING).percentage(p -> p >= 5));
    }

    private static final String AGAIN = "run for a day already assessed";
    private static final String PENDING = "a payment dated on an assessed day recorded since";
    private static final String NOT_PENDING = "nothing recorded since on an assessed day";

    /** The law on the events, and the ledger sourced from them agrees with it (and has no run pending). */
    private static void assertBalanceLaw(List<Object> events, Books books) {
        assertThat(books.balance).as("charges + late fees − payments + reversed − waived + refunded")
                .isEqualByComparingTo(books.outstanding().subtract(books.credit()));
        // A fresh fixture sourced from the history: the first one holds aggregates of refused (rolled back) steps.
        fixture().given(events).when(nothingToAssess()).expectNoEvents().expectState(state -> {
            Ledger ledger = ledgerOf(state);
            assertThat(ledger.balance()).isEqualTo(money(books.balance));
            assertThat(ledger.outstanding()).isEqualTo(money(books.outstanding()));
            assertThat(ledger.credit()).isEqualTo(money(books.credit()));
            assertThat(ledger.balance()).isEqualTo(ledger.outstanding().minus(ledger.credit()));
        });
    }

    @Property(tries = 100)
    void noAllocationEverExceedsWhatIsOutstandingOnTheChargePart(@ForAll("histories") List<Step> history) {
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        play(fixture, fixture.given(accountOpened()), history);

        Books.of(events(fixture)); // throws at the first event that settles more than is outstanding or held
    }

    /**
     * Nothing is settled beyond what its charge part came to: late-fee corrections may be negative, but never
     * below what payments, credit and waivers have already settled of that late fee (the charged total is then
     * held at what is settled). Payments recorded days after they were received make the runs correct the late fee
     * of days already charged; now and then a correction is held (see the statistics).
     */
    @Property(tries = 1000)
    void noChargePartEndsUpSettledBeyondWhatItCameTo(@ForAll("correctingHistories") List<Step> history) {
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        play(fixture, fixture.given(accountOpened()), history);

        List<Object> events = events(fixture);
        Books books = Books.of(events);
        Statistics.label("exact late fee lowered by a run").collect(books.loweredExactTotals > 0);
        Statistics.label("negative correction").collect(books.negativeCorrections > 0);
        Statistics.label("correction held at what is settled").collect(books.heldCorrections > 0);
        // about 3 % of the histories since a repeated or backdated run changes nothing (2.6 % seen once): the
        // check asks that the case is exercised, not how often
        Statistics.label("exact late fee lowered by a run").coverage(c -> c.check(true).percentage(p -> p >= 1));
        Statistics.label("correction held at what is settled").coverage(c -> c.check(true).percentage(p -> p >= 1));
        assertThat(books.outstanding).allSatisfy((part, outstanding) ->
                assertThat(outstanding).as("outstanding on %s", part).isGreaterThanOrEqualTo(BigDecimal.ZERO));
        assertThat(books.balance).as("charges + late fees − payments + reversed − waived + refunded")
                .isEqualByComparingTo(books.outstanding().subtract(books.credit()));
    }

    /**
     * A payment settles every open charge before anything becomes credit, and credit settles whatever becomes open:
     * after every step there is either nothing outstanding or no credit.
     */
    @Property(tries = 100)
    void creditAndOpenChargesNeverStandSideBySide(@ForAll("histories") List<Step> history) {
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        play(fixture, fixture.given(accountOpened()), history, () -> {
            Books books = Books.of(events(fixture));
            if (books.credit().signum() > 0) {
                assertThat(books.outstanding).as("outstanding beside a credit of %s", books.credit())
                        .allSatisfy((part, outstanding) -> assertThat(outstanding).as(part).isZero());
            }
        });
    }

    /** An account closes only when no charge part is owed and no credit is held, whatever the history. */
    @Property(tries = 100)
    void theAccountClosesOnlyWhenEveryChargePartIsSettledAndNoCreditIsLeft(@ForAll("histories") List<Step> history) {
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        TestExecutor<OwnerAccount> account = fixture.given(accountOpened());
        LocalDate today = play(fixture, account, history);
        Books before = Books.of(events(fixture));

        boolean closed = tryCommand(account, new MoveOut(ACCOUNT, today, "Sold the flat"));

        boolean settled = before.credit().signum() == 0
                && before.outstanding.values().stream().allMatch(outstanding -> outstanding.signum() == 0);
        assertThat(closed).as("closed, with %s outstanding and %s credit", before.outstanding, before.credit())
                .isEqualTo(settled);
    }

    /** Whatever the history, paying what is owed and refunding what is held lets the account close. */
    @Property(tries = 100)
    void afterPayingWhatIsOwedAndRefundingTheCreditTheAccountCloses(@ForAll("histories") List<Step> history) {
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        TestExecutor<OwnerAccount> account = fixture.given(accountOpened());
        LocalDate today = play(fixture, account, history);
        Books books = Books.of(events(fixture));
        Statistics.label("owed before settling up").collect(books.outstanding().signum() > 0);
        Statistics.label("credit before settling up").collect(books.credit().signum() > 0);
        if (books.outstanding().signum() > 0) {
            account.andGivenCommands(new RecordPayment(ACCOUNT, PaymentId.of("P-SETTLE"),
                    money(books.outstanding()), PaymentChannel.BANK_TRANSFER, "R-SETTLE", morningOf(today),
                    List.of()));
        }
        books = Books.of(events(fixture));
        if (books.credit().signum() > 0) {
            account.andGivenCommands(
                    new RequestRefund(ACCOUNT, RefundId.of("F-SETTLE"), money(books.credit()), "Moving out",
                            FINANCE_CLERK),
                    new ApproveRefund(ACCOUNT, RefundId.of("F-SETTLE"), MANAGER, today));
        }

        account.andGivenCommands(new MoveOut(ACCOUNT, today, "Sold the flat"));
        List<Object> events = events(fixture);
        assertThat(events.get(events.size() - 1)).isInstanceOf(AccountClosed.class);
        Books after = Books.of(events);
        assertThat(after.outstanding).allSatisfy((part, outstanding) -> assertThat(outstanding).as(part).isZero());
        assertThat(after.credit()).isZero();
    }

    /** How often each kind of step comes, and how big some of them are. */
    private record Mix(int assessWeight, int nextDaysRunWeight, int assessAgainWeight, int lateFeeWaiverWeight,
                       long maxWaiverFen, int maxDaysPassing, Arbitrary<Integer> daysEarlier) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return histories(new Mix(3, 1, 1, 1, 20_000, 30, Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(1, 1),
                Tuple.of(1, 3), Tuple.of(1, 6))));
    }

    /**
     * Histories in which payments recorded late meet arrears runs often: more runs (most of them the next night's,
     * some for days already assessed), most payments recorded days late, and waivers small and as often of a late
     * fee as of a principal, so that runs correct the late fee of days already charged, now and then a late fee
     * already waived or paid.
     */
    @Provide
    Arbitrary<List<Step>> correctingHistories() {
        return histories(new Mix(2, 6, 4, 3, 500, 20, Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(2, 1),
                Tuple.of(2, 3), Tuple.of(1, 6), Tuple.of(1, 10))));
    }

    private static Arbitrary<List<Step>> histories(Mix mix) {
        Arbitrary<Long> fen = Arbitraries.longs().between(1, 500_000);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 9);
        Arbitrary<Step> charge = Combinators.combine(fen, Arbitraries.integers().between(0, 10)).as(Charge::new);
        Arbitrary<Step> pay = Combinators.combine(fen, index.list().ofMaxSize(2), mix.daysEarlier()).as(Pay::new);
        Arbitrary<Step> reverse = index.map(Reverse::new);
        Arbitrary<Step> assess = Arbitraries.just(new Assess());
        Arbitrary<Step> nextDaysRun = Arbitraries.just(new NextDaysRun());
        Arbitrary<Step> assessAgain = Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(1, 1), Tuple.of(1, 2),
                Tuple.of(1, 5)).map(AssessAgain::new);
        Arbitrary<Step> waive = Combinators.combine(index,
                Arbitraries.frequency(Tuple.of(3, ChargePart.PRINCIPAL),
                        Tuple.of(mix.lateFeeWaiverWeight(), ChargePart.LATE_FEE)),
                Arbitraries.longs().between(1, mix.maxWaiverFen()), Arbitraries.of(true, true, false)).as(Waive::new);
        Arbitrary<Step> refund = Combinators.combine(Arbitraries.longs().between(1, 20_000),
                Arbitraries.of(true, true, false)).as(Refund::new);
        Arbitrary<Step> daysPass = Arbitraries.integers().between(3, mix.maxDaysPassing()).map(DaysPass::new);
        return Arbitraries.frequencyOf(Tuple.of(4, charge), Tuple.of(4, pay), Tuple.of(1, reverse),
                Tuple.of(mix.assessWeight(), assess), Tuple.of(mix.nextDaysRunWeight(), nextDaysRun),
                Tuple.of(mix.assessAgainWeight(), assessAgain), Tuple.of(3, waive), Tuple.of(2, refund), Tuple.of(4, daysPass))
                .list().ofMinSize(8).ofMaxSize(30);
    }

    /**
     * Runs the history as given commands; one the rules refuse is skipped. Returns the last day of the history. A run
     * for a day already assessed ({@link AssessAgain}) must record nothing: that law is checked at each one.
     */
    private static LocalDate play(AggregateTestFixture<OwnerAccount> fixture, TestExecutor<OwnerAccount> account,
                                  List<Step> history) {
        return play(fixture, account, history, () -> {
        });
    }

    /** The same, with a check after every step the rules accepted. */
    private static LocalDate play(AggregateTestFixture<OwnerAccount> fixture, TestExecutor<OwnerAccount> account,
                                  List<Step> history, Runnable afterEachStep) {
        LocalDate today = OPENED;
        List<String> charges = new ArrayList<>();
        List<String> payments = new ArrayList<>();
        int waivers = 0;
        int refunds = 0;
        for (Step step : history) {
            if (step instanceof DaysPass passing) {
                today = today.plusDays(passing.days());
            } else if (step instanceof Charge c) {
                String id = "C" + charges.size();
                if (tryCommand(account, new ChargeFee(ACCOUNT, ChargeId.of(id), "PROPERTY_FEE",
                        YearMonth.from(today), cny(fen(c.fen())), today.plusDays(c.dueInDays()), null,
                        null))) {
                    charges.add(id);
                }
            } else if (step instanceof Pay p) {
                String id = "P" + payments.size();
                Set<ChargeId> named = new LinkedHashSet<>();
                if (!charges.isEmpty()) {
                    p.named().forEach(i -> named.add(ChargeId.of(charges.get(i % charges.size()))));
                }
                if (tryCommand(account, new RecordPayment(ACCOUNT, PaymentId.of(id), cny(fen(p.fen())),
                        PaymentChannel.BANK_TRANSFER, "R-" + id, morningOf(today.minusDays(p.daysEarlier())),
                        List.copyOf(named)))) {
                    payments.add(id);
                }
            } else if (step instanceof Reverse r && !payments.isEmpty()) {
                tryCommand(account, new ReversePayment(ACCOUNT, PaymentId.of(payments.get(r.payment() % payments.size())),
                        "Bounced", today));
            } else if (step instanceof Assess) {
                tryCommand(account, new AssessArrears(ACCOUNT, today.minusDays(1), TERMS));
            } else if (step instanceof NextDaysRun) {
                today = today.plusDays(1);
                tryCommand(account, new AssessArrears(ACCOUNT, today.minusDays(1), TERMS));
            } else if (step instanceof AssessAgain again) {
                assertARunForADayAlreadyAssessedRecordsNothing(fixture, account, again.daysBack());
            } else if (step instanceof Waive w && !charges.isEmpty()) {
                WaiverId id = WaiverId.of("W" + waivers++);
                if (tryCommand(account, new RequestWaiver(ACCOUNT, id, ChargeId.of(charges.get(w.charge() % charges.size())),
                        w.part(), cny(fen(w.fen())), "Goodwill", FINANCE_CLERK))) {
                    tryCommand(account, w.approve() ? new ApproveWaiver(ACCOUNT, id, MANAGER, today)
                            : new RejectWaiver(ACCOUNT, id, MANAGER, "No grounds"));
                }
            } else if (step instanceof Refund f) {
                RefundId id = RefundId.of("F" + refunds++);
                if (tryCommand(account, new RequestRefund(ACCOUNT, id, cny(fen(f.fen())), "Moving abroad",
                        FINANCE_CLERK))) {
                    tryCommand(account, f.approve() ? new ApproveRefund(ACCOUNT, id, MANAGER, today)
                            : new RejectRefund(ACCOUNT, id, MANAGER, "Keep it"));
                }
            }
            afterEachStep.run();
        }
        return today;
    }

    /**
     * The law: a run for a day on or before the last day the account was assessed through (the latest
     * {@code throughDay} of a {@code LateFeesAccrued}) records no event, whatever was recorded since (payments dated
     * on days already assessed, reversals, waivers): a repeated or backdated run never changes the ledger. Every charge
     * due before that day was assessed through it (the runs mark every charge due before their day); the charges of
     * the histories are due on or after the day they are posted, so none due before it was posted since.
     */
    private static void assertARunForADayAlreadyAssessedRecordsNothing(AggregateTestFixture<OwnerAccount> fixture,
                                                                       TestExecutor<OwnerAccount> account,
                                                                       int daysBack) {
        List<Object> before = events(fixture);
        LocalDate assessed = before.stream().filter(LateFeesAccrued.class::isInstance).map(LateFeesAccrued.class::cast)
                .map(LateFeesAccrued::throughDay).max(LocalDate::compareTo).orElse(null);
        if (assessed == null) {
            return;
        }
        LocalDate day = assessed.minusDays(daysBack);
        Statistics.label(AGAIN).collect(latePaymentSinceTheLastAssessment(before, assessed) ? PENDING : NOT_PENDING);
        tryCommand(account, new AssessArrears(ACCOUNT, day, TERMS));
        List<Object> after = events(fixture);
        assertThat(after.subList(before.size(), after.size()))
                .as("events of a run for %s, the account assessed through %s", day, assessed).isEmpty();
    }

    /** Whether a payment dated on a day already assessed was recorded after the last assessment. */
    private static boolean latePaymentSinceTheLastAssessment(List<Object> events, LocalDate assessed) {
        for (int i = events.size() - 1; i >= 0 && !(events.get(i) instanceof LateFeesAccrued); i--) {
            if (events.get(i) instanceof PaymentAllocated e && !e.allocations().isEmpty()
                    && !e.allocatedOn().isAfter(assessed)) {
                return true;
            }
        }
        return false;
    }

    /** True when the command succeeded; false when the rules refused it (which must leave no trace). */
    static boolean tryCommand(TestExecutor<OwnerAccount> account, Object command) {
        try {
            account.andGivenCommands(command);
            return true;
        } catch (FixtureExecutionException e) {
            if (e.getCause() instanceof DomainRuleViolation) {
                return false;
            }
            throw e;
        }
    }

    static List<Object> events(AggregateTestFixture<OwnerAccount> fixture) {
        return fixture.getEventStore().readEvents(ACCOUNT.value()).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
    }

    /** A run before any due date: it changes nothing, and lets the fixture show the aggregate's state. */
    private static AssessArrears nothingToAssess() {
        return new AssessArrears(ACCOUNT, OPENED.minusDays(1), TERMS);
    }

    /** The account's ledger (a private field; the test reads it only to hold it against the books). */
    static Ledger ledgerOf(OwnerAccount account) {
        try {
            Field ledger = OwnerAccount.class.getDeclaredField("ledger");
            ledger.setAccessible(true);
            return (Ledger) ledger.get(account);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fen(long amountInFen) {
        return BigDecimal.valueOf(amountInFen, 2).toPlainString();
    }

    private static Money money(BigDecimal amount) {
        return cny(amount.toPlainString());
    }

    /**
     * Bookkeeping from the events alone: the balance by the law's terms, what is outstanding on each charge part
     * and the credit each payment holds. It fails at the first event that settles more than is outstanding on a
     * charge part, or takes more credit than a payment holds.
     */
    static final class Books {
        BigDecimal balance = BigDecimal.ZERO;
        final Map<String, BigDecimal> outstanding = new HashMap<>();
        final Map<String, BigDecimal> credit = new HashMap<>();
        /** Late fee charged so far on each charge. */
        final Map<String, BigDecimal> lateFeeCharged = new HashMap<>();
        /** Late-fee lines that charged less than zero. */
        int negativeCorrections;
        /** Late-fee lines after which the charged total is above the rounded exact total: held at what is settled. */
        int heldCorrections;
        /** Late-fee lines whose exact total is below the one before (a run recomputed the days already charged). */
        int loweredExactTotals;
        final Map<String, BigDecimal> exactTotal = new HashMap<>();

        static Books of(List<Object> events) {
            Books books = new Books();
            events.forEach(books::apply);
            return books;
        }

        BigDecimal outstanding() {
            return outstanding.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal credit() {
            return credit.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        private void apply(Object event) {
            if (event instanceof FeeCharged e) {
                balance = balance.add(e.amount().amount());
                owe(e.chargeId(), ChargePart.PRINCIPAL, e.amount().amount());
            } else if (event instanceof LateFeesAccrued e) {
                balance = balance.add(e.total().amount());
                BigDecimal lines = BigDecimal.ZERO;
                for (LateFeeLine line : e.lines()) {
                    owe(line.chargeId(), ChargePart.LATE_FEE, line.charged().amount());
                    lines = lines.add(line.charged().amount());
                    BigDecimal total = lateFeeCharged.merge(line.chargeId().value(), line.charged().amount(),
                            BigDecimal::add);
                    BigDecimal rounded = line.exactTotal().setScale(2, RoundingMode.HALF_EVEN);
                    assertThat(total).as("late fee charged on %s after %s", line.chargeId(), e)
                            .isGreaterThanOrEqualTo(rounded);
                    BigDecimal exactBefore = exactTotal.put(line.chargeId().value(), line.exactTotal());
                    if (exactBefore != null && line.exactTotal().compareTo(exactBefore) < 0) {
                        loweredExactTotals++;
                    }
                    if (line.charged().isNegative()) {
                        negativeCorrections++;
                    }
                    if (total.compareTo(rounded) > 0) {
                        heldCorrections++;
                    }
                }
                assertThat(e.total().amount()).as("late fee total of %s", e).isEqualByComparingTo(lines);
            } else if (event instanceof PaymentReceived e) {
                balance = balance.subtract(e.amount().amount());
                credit.put(e.paymentId().value(), BigDecimal.ZERO);
            } else if (event instanceof PaymentAllocated e) {
                for (Allocation a : e.allocations()) {
                    assertThat(a.amount().isPositive()).as("allocation %s", a).isTrue();
                    settle(a.chargeId(), a.part(), a.amount().amount(), e);
                }
                assertThat(e.toCredit().isNegative()).as("credit from %s", e).isFalse();
                credit.merge(e.paymentId().value(), e.toCredit().amount(), BigDecimal::add);
            } else if (event instanceof CreditApplied e) {
                BigDecimal sources = BigDecimal.ZERO;
                for (CreditSource source : e.sources()) {
                    take(source.paymentId(), source.amount().amount(), e);
                    sources = sources.add(source.amount().amount());
                }
                assertThat(e.amount().amount()).as("credit applied by %s", e).isEqualByComparingTo(sources);
                settle(e.chargeId(), e.part(), sources, e);
            } else if (event instanceof PaymentReversed e) {
                balance = balance.add(e.amount().amount());
                for (Allocation a : e.reopened()) {
                    owe(a.chargeId(), a.part(), a.amount().amount());
                }
                take(e.paymentId(), e.creditRemoved().amount(), e);
                assertThat(credit.get(e.paymentId().value())).as("credit left after %s", e).isZero();
            } else if (event instanceof WaiverApproved e) {
                balance = balance.subtract(e.amount().amount());
                settle(e.chargeId(), e.part(), e.amount().amount(), e);
            } else if (event instanceof RefundApproved e) {
                balance = balance.add(e.amount().amount());
                BigDecimal sources = BigDecimal.ZERO;
                for (CreditSource source : e.sources()) {
                    take(source.paymentId(), source.amount().amount(), e);
                    sources = sources.add(source.amount().amount());
                }
                assertThat(e.amount().amount()).as("refund of %s", e).isEqualByComparingTo(sources);
            }
        }

        private void owe(ChargeId chargeId, ChargePart part, BigDecimal amount) {
            outstanding.merge(chargeId.value() + "/" + part, amount, BigDecimal::add);
        }

        private void settle(ChargeId chargeId, ChargePart part, BigDecimal amount, Object event) {
            String key = chargeId.value() + "/" + part;
            BigDecimal before = outstanding.getOrDefault(key, BigDecimal.ZERO);
            assertThat(amount).as("%s settles %s of %s, which has %s outstanding", event, amount, key, before)
                    .isLessThanOrEqualTo(before);
            outstanding.put(key, before.subtract(amount));
        }

        private void take(PaymentId paymentId, BigDecimal amount, Object event) {
            BigDecimal held = credit.getOrDefault(paymentId.value(), BigDecimal.ZERO);
            assertThat(amount).as("%s takes %s of the credit of %s, which holds %s", event, amount, paymentId, held)
                    .isLessThanOrEqualTo(held);
            credit.put(paymentId.value(), held.subtract(amount));
        }
    }
}
