package estate.domain.owners;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static estate.domain.owners.ChargePart.LATE_FEE;
import static estate.domain.owners.ChargePart.PRINCIPAL;
import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.LedgerExamples.HALF_PER_MILLE_A_DAY;
import static estate.domain.owners.LedgerExamples.JANUARY_DUE;
import static estate.domain.owners.LedgerExamples.NOVEMBER_DUE;
import static estate.domain.owners.LedgerExamples.NO_LATE_FEE;
import static estate.domain.owners.LedgerExamples.allocated;
import static estate.domain.owners.LedgerExamples.assess;
import static estate.domain.owners.LedgerExamples.chargeFee;
import static estate.domain.owners.LedgerExamples.charged;
import static estate.domain.owners.LedgerExamples.creditApplied;
import static estate.domain.owners.LedgerExamples.feeLine;
import static estate.domain.owners.LedgerExamples.from;
import static estate.domain.owners.LedgerExamples.lateFee;
import static estate.domain.owners.LedgerExamples.lateFeesAccrued;
import static estate.domain.owners.LedgerExamples.overdue;
import static estate.domain.owners.LedgerExamples.pay;
import static estate.domain.owners.LedgerExamples.principal;
import static estate.domain.owners.LedgerExamples.received;
import static estate.domain.owners.LedgerExamples.reverse;
import static estate.domain.owners.LedgerExamples.reversed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.fixture;

/**
 * Over-payment becomes prepaid credit. Whenever something new becomes open (a charge, a late fee, a charge part a
 * reversal re-opened) the credit settles whatever is open, oldest charge first and each charge's principal before
 * its late fee, taking the oldest payment's credit first. Credit used after an arrears run is dated the day after
 * the run: that day's late fee is charged, the credit settles from the next day on.
 *
 * <p>A payment puts what the charges it names do not need on the other open charges, so commands never leave
 * credit beside an open charge. Event streams recorded before that rule can hold both (a payment that named
 * December put its rest to credit while November stayed open); the tests "of a history recorded before the
 * allocation rule" start from such a stream, which the store still holds and the aggregate must still handle.
 */
class PrepaidCreditTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 10);
    private static final LocalDate REVERSED_ON = LocalDate.of(2026, 12, 20);

    @Test
    void anOverPaymentBecomesCredit() {
        fixture().given(accountOpened(), charged("NOV", "1280.50", NOVEMBER_DUE))
                .when(pay("P1", "1300.00", PAID_ON))
                .expectEvents(received("P1", "1300.00", PAID_ON),
                        allocated("P1", "19.50", PAID_ON, principal("NOV", "1280.50")));
    }

    @Test
    void theNextChargeUsesTheCreditOnItsDueDate() {
        fixture().given(accountOpened(), charged("NOV", "1280.50", NOVEMBER_DUE),
                        received("P1", "1300.00", PAID_ON), allocated("P1", "19.50", PAID_ON, principal("NOV", "1280.50")))
                .when(chargeFee("DEC", "150.00", DECEMBER_DUE))
                .expectEvents(charged("DEC", "150.00", DECEMBER_DUE),
                        creditApplied("DEC", "19.50", DECEMBER_DUE, from("P1", "19.50")));
    }

    @Test
    void usesTheCreditOfTheOldestPaymentFirst() {
        fixture().given(accountOpened(),
                        received("P1", "30.00", PAID_ON), allocated("P1", "30.00", PAID_ON),
                        received("P2", "50.00", PAID_ON), allocated("P2", "50.00", PAID_ON))
                .when(chargeFee("DEC", "60.00", DECEMBER_DUE))
                .expectEvents(charged("DEC", "60.00", DECEMBER_DUE),
                        creditApplied("DEC", "60.00", DECEMBER_DUE, from("P1", "30.00"), from("P2", "30.00")));
    }

    @Test
    void creditLeftOverByOneChargeGoesToTheNext() {
        fixture().given(accountOpened(),
                        received("P1", "30.00", PAID_ON), allocated("P1", "30.00", PAID_ON),
                        received("P2", "50.00", PAID_ON), allocated("P2", "50.00", PAID_ON))
                .andGivenCommands(chargeFee("DEC", "60.00", DECEMBER_DUE))
                .when(chargeFee("JAN", "100.00", JANUARY_DUE))
                .expectEvents(charged("JAN", "100.00", JANUARY_DUE),
                        creditApplied("JAN", "20.00", JANUARY_DUE, from("P2", "20.00")));
    }

    @Test
    void aChargeSettledByCreditTakesNoMorePayment() {
        fixture().given(accountOpened(), received("P1", "100.00", PAID_ON), allocated("P1", "100.00", PAID_ON),
                        charged("DEC", "60.00", DECEMBER_DUE),
                        creditApplied("DEC", "60.00", DECEMBER_DUE, from("P1", "60.00")))
                .when(pay("P2", "10.00", PAID_ON))
                .expectEvents(received("P2", "10.00", PAID_ON), allocated("P2", "10.00", PAID_ON));
    }

    @Test
    void aPaymentThatWentToChargesLeavesNoCreditForTheNextCharge() {
        fixture().given(accountOpened(), charged("NOV", "100.00", NOVEMBER_DUE), received("P1", "100.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("NOV", "100.00")))
                .when(chargeFee("DEC", "60.00", DECEMBER_DUE))
                .expectEvents(charged("DEC", "60.00", DECEMBER_DUE));
    }

    /**
     * 1100.00 paid on day 3 settles the 1000.00 and leaves 100.00 of credit; the run of day 5 charges the late fee
     * of days 1 and 2 (2 × 0.50), which the credit settles dated the day after the run.
     */
    @Test
    void theCreditSettlesANewLateFeeFromTheDayAfterTheRun() {
        LocalDate dayThree = DECEMBER_DUE.plusDays(3);
        LocalDate dayFive = DECEMBER_DUE.plusDays(5);
        fixture().given(accountOpened(), charged("DEC", "1000.00", DECEMBER_DUE),
                        received("P1", "1100.00", dayThree),
                        allocated("P1", "100.00", dayThree, principal("DEC", "1000.00")))
                .when(assess(dayFive, HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("DEC", DECEMBER_DUE, "1000.00", DECEMBER_DUE.plusDays(1)),
                        lateFeesAccrued(dayFive, feeLine("DEC", "1.000000", "1.00")),
                        creditApplied("DEC", LATE_FEE, "1.00", dayFive.plusDays(1), from("P1", "1.00")));
    }

    /** The late fee the credit settled stays charged and settled: the next run has nothing to take back. */
    @Test
    void theRunAfterTheCreditSettledALateFeeChargesNothing() {
        LocalDate dayThree = DECEMBER_DUE.plusDays(3);
        LocalDate dayFive = DECEMBER_DUE.plusDays(5);
        fixture().given(accountOpened(), charged("DEC", "1000.00", DECEMBER_DUE),
                        received("P1", "1100.00", dayThree),
                        allocated("P1", "100.00", dayThree, principal("DEC", "1000.00")))
                .andGivenCommands(assess(dayFive, HALF_PER_MILLE_A_DAY))
                .when(assess(dayFive.plusDays(1), HALF_PER_MILLE_A_DAY))
                .expectNoEvents();
    }

    @Test
    void aLateFeeSettledByCreditIsNoLongerOwed() {
        LocalDate dayThree = DECEMBER_DUE.plusDays(3);
        LocalDate dayFive = DECEMBER_DUE.plusDays(5);
        fixture().given(accountOpened(), charged("DEC", "1000.00", DECEMBER_DUE),
                        received("P1", "1100.00", dayThree),
                        allocated("P1", "100.00", dayThree, principal("DEC", "1000.00")))
                .andGivenCommands(assess(dayFive, HALF_PER_MILLE_A_DAY))
                .when(pay("P2", "10.00", dayFive))
                .expectEvents(received("P2", "10.00", dayFive), allocated("P2", "10.00", dayFive));
    }

    /** P2's credit settles what the reversal of P1 re-opened, on the day of the reversal. */
    @Test
    void creditFromAnotherPaymentSettlesWhatAReversalReopened() {
        fixture().given(accountOpened(), charged("DEC", "1000.00", DECEMBER_DUE),
                        received("P1", "1000.00", PAID_ON), allocated("P1", "0.00", PAID_ON, principal("DEC", "1000.00")),
                        received("P2", "200.00", PAID_ON), allocated("P2", "200.00", PAID_ON))
                .when(reverse("P1", REVERSED_ON))
                .expectEvents(reversed("P1", "1000.00", "0.00", REVERSED_ON, principal("DEC", "1000.00")),
                        creditApplied("DEC", "200.00", REVERSED_ON, from("P2", "200.00")));
    }

    /** The reversal re-opens principal and late fee; the credit settles the principal first, then the late fee. */
    @Test
    void creditSettlesAReopenedPrincipalBeforeItsReopenedLateFee() {
        fixture().given(accountOpened(), charged("NOV", "100.00", NOVEMBER_DUE),
                        lateFeesAccrued(NOVEMBER_DUE.plusDays(5), feeLine("NOV", "0.250000", "0.25")),
                        received("P1", "100.25", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("NOV", "100.00"), lateFee("NOV", "0.25")),
                        received("P2", "100.10", PAID_ON), allocated("P2", "100.10", PAID_ON))
                .when(reverse("P1", REVERSED_ON))
                .expectEvents(reversed("P1", "100.25", "0.00", REVERSED_ON, principal("NOV", "100.00"),
                                lateFee("NOV", "0.25")),
                        creditApplied("NOV", PRINCIPAL, "100.00", REVERSED_ON, from("P2", "100.00")),
                        creditApplied("NOV", LATE_FEE, "0.10", REVERSED_ON, from("P2", "0.10")));
    }

    /**
     * Of a history recorded before the allocation rule: P1 named December, what December did not need became
     * credit and November stayed open. When January is charged the credit settles November first, the oldest open
     * charge, dated January's due date.
     */
    @Test
    void theNextChargeLetsTheCreditSettleAnOlderChargeLeftOpenBeside() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "400.00", PAID_ON), allocated("P1", "100.00", PAID_ON, principal("DEC", "300.00")))
                .when(chargeFee("JAN", "150.00", JANUARY_DUE))
                .expectEvents(charged("JAN", "150.00", JANUARY_DUE),
                        creditApplied("NOV", "100.00", JANUARY_DUE, from("P1", "100.00")));
    }

    /** Of a history recorded before the allocation rule. */
    @Test
    void creditLeftAfterTheOlderChargeGoesToTheNewOne() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "600.00", PAID_ON), allocated("P1", "300.00", PAID_ON, principal("DEC", "300.00")))
                .when(chargeFee("JAN", "150.00", JANUARY_DUE))
                .expectEvents(charged("JAN", "150.00", JANUARY_DUE),
                        creditApplied("NOV", "200.00", JANUARY_DUE, from("P1", "200.00")),
                        creditApplied("JAN", "100.00", JANUARY_DUE, from("P1", "100.00")));
    }

    /**
     * One charge part settled from two payments' credit: one event, two sources, oldest payment first (of a
     * history recorded before the allocation rule).
     */
    @Test
    void oneChargePartCanTakeTheCreditOfSeveralPayments() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "330.00", PAID_ON), allocated("P1", "30.00", PAID_ON, principal("DEC", "300.00")),
                        received("P2", "50.00", PAID_ON), allocated("P2", "50.00", PAID_ON))
                .when(chargeFee("JAN", "150.00", JANUARY_DUE))
                .expectEvents(charged("JAN", "150.00", JANUARY_DUE),
                        creditApplied("NOV", "80.00", JANUARY_DUE, from("P1", "30.00"), from("P2", "50.00")));
    }

    /**
     * Of a history recorded before the allocation rule: November was left open by a payment that named December;
     * the run of 20 November charges its late fee, and the credit then settles November's principal and that late
     * fee, dated 21 November, the day after the run (20 November was owed in full and is charged so).
     */
    @Test
    void aLateFeeRunLetsTheCreditSettleTheOverdueChargeAndItsLateFee() {
        LocalDate runDay = NOVEMBER_DUE.plusDays(5);
        fixture().given(accountOpened(), charged("NOV", "1000.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "1400.00", PAID_ON), allocated("P1", "1100.00", PAID_ON, principal("DEC", "300.00")))
                .when(assess(runDay, HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("NOV", NOVEMBER_DUE, "1000.00", NOVEMBER_DUE.plusDays(1)),
                        lateFeesAccrued(runDay, feeLine("NOV", "2.500000", "2.50")),
                        creditApplied("NOV", PRINCIPAL, "1000.00", runDay.plusDays(1), from("P1", "1000.00")),
                        creditApplied("NOV", LATE_FEE, "2.50", runDay.plusDays(1), from("P1", "2.50")));
    }

    /** Of a history recorded before the allocation rule. */
    @Test
    void creditThatDoesNotCoverEverythingSettlesTheOldestFirstAndStops() {
        LocalDate runDay = NOVEMBER_DUE.plusDays(5);
        fixture().given(accountOpened(), charged("NOV", "1000.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "1000.00", PAID_ON), allocated("P1", "700.00", PAID_ON, principal("DEC", "300.00")))
                .when(assess(runDay, HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("NOV", NOVEMBER_DUE, "1000.00", NOVEMBER_DUE.plusDays(1)),
                        lateFeesAccrued(runDay, feeLine("NOV", "2.500000", "2.50")),
                        creditApplied("NOV", PRINCIPAL, "700.00", runDay.plusDays(1), from("P1", "700.00")));
    }

    /** Of a history recorded before the allocation rule. */
    @Test
    void aRunThatChargesNothingAppliesNoCredit() {
        fixture().given(accountOpened(), charged("NOV", "1000.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "1400.00", PAID_ON), allocated("P1", "1100.00", PAID_ON, principal("DEC", "300.00")))
                .when(assess(NOVEMBER_DUE.plusDays(5), NO_LATE_FEE))
                .expectEvents(overdue("NOV", NOVEMBER_DUE, "1000.00", NOVEMBER_DUE.plusDays(1)));
    }
}
