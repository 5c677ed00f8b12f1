package estate.domain.owners;

import estate.domain.owners.OwnerAccountCommands.MoveOut;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.LedgerExamples.HALF_PER_MILLE_A_DAY;
import static estate.domain.owners.LedgerExamples.JANUARY_DUE;
import static estate.domain.owners.LedgerExamples.MANAGER;
import static estate.domain.owners.LedgerExamples.NOVEMBER_DUE;
import static estate.domain.owners.LedgerExamples.approveRefund;
import static estate.domain.owners.LedgerExamples.approveWaiver;
import static estate.domain.owners.LedgerExamples.requestRefund;
import static estate.domain.owners.LedgerExamples.requestWaiver;
import static estate.domain.owners.LedgerExamples.allocated;
import static estate.domain.owners.LedgerExamples.assess;
import static estate.domain.owners.LedgerExamples.charged;
import static estate.domain.owners.LedgerExamples.feeLine;
import static estate.domain.owners.LedgerExamples.lateFee;
import static estate.domain.owners.LedgerExamples.lateFeesAccrued;
import static estate.domain.owners.LedgerExamples.overdue;
import static estate.domain.owners.LedgerExamples.pay;
import static estate.domain.owners.LedgerExamples.principal;
import static estate.domain.owners.LedgerExamples.received;
import static estate.domain.owners.LedgerExamples.reverse;
import static estate.domain.owners.LedgerExamples.reversed;
import static estate.domain.owners.LedgerExamples.chargeFee;
import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.cny;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Late fees (滞纳金): 0.05 % a day of the principal outstanding at the end of each day past the grace days, capped
 * at a share of the principal; the exact running total is kept and rounded once, to the fen, HALF_EVEN, and each
 * run charges the difference to what was charged before. A charge of 1000.00 accrues 0.50 a day; one of 250.00
 * accrues 0.125 a day, which shows the rounding. A run for a day already assessed changes nothing. A settlement
 * dated on a day already charged makes the next run for a new day recompute from the first day through its day (a
 * correction, possibly negative), but never below what was already paid or waived of the late fee: the charged
 * total is max(rounded exact total, settled).
 */
class LateFeeAccrualTest {

    private static LocalDate overdueDay(int days) {
        return DECEMBER_DUE.plusDays(days);
    }

    @Test
    void accruesFromTheDayAfterTheDueDate() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(assess(overdueDay(1), HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(1)),
                        lateFeesAccrued(overdueDay(1), feeLine("C1", "0.500000", "0.50")));
    }

    @Test
    void accruesDayByDay() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(1), HALF_PER_MILLE_A_DAY))
                .when(assess(overdueDay(2), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(2), feeLine("C1", "1.000000", "0.50")));
    }

    /** 1000.00 for days 1 and 2, then 400.00 from day 3, when 600.00 was paid: 0.50 + 0.50 + 3 × 0.20. */
    @Test
    void aPartialPaymentReducesTheLateFeeFromTheDayItIsPaid() {
        LocalDate paidOn = overdueDay(3);
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        received("P1", "600.00", paidOn), allocated("P1", "0.00", paidOn, principal("C1", "600.00")))
                .when(assess(overdueDay(5), HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(1)),
                        lateFeesAccrued(overdueDay(5), feeLine("C1", "1.600000", "1.60")));
    }

    @Test
    void theDailyRunOnThePaymentDayAccruesOnlyOnWhatIsLeft() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(1), HALF_PER_MILLE_A_DAY), assess(overdueDay(2), HALF_PER_MILLE_A_DAY),
                        pay("P1", "600.00", overdueDay(3)))
                .when(assess(overdueDay(3), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(3), feeLine("C1", "1.200000", "0.20")));
    }

    @Test
    void noLateFeeAccruesWithinTheGraceDays() {
        LateFeeTerms fiveGraceDays = new LateFeeTerms(5, new BigDecimal("0.0005"), BigDecimal.ONE);

        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(assess(overdueDay(5), fiveGraceDays))
                .expectEvents(overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(1)));
    }

    @Test
    void afterTheGraceDaysTheLateFeeAccruesForTheDaysPastThem() {
        LateFeeTerms fiveGraceDays = new LateFeeTerms(5, new BigDecimal("0.0005"), BigDecimal.ONE);

        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), fiveGraceDays))
                .when(assess(overdueDay(7), fiveGraceDays))
                .expectEvents(lateFeesAccrued(overdueDay(7), feeLine("C1", "1.000000", "1.00")));
    }

    /** The cap is 1 % of 1000.00 = 10.00, reached on day 20; the exact total is then the cap itself. */
    @Test
    void theLateFeeStopsAtTheCapShareOfThePrincipal() {
        LateFeeTerms capOnePercent = new LateFeeTerms(0, new BigDecimal("0.0005"), new BigDecimal("0.01"));

        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(assess(overdueDay(25), capOnePercent))
                .expectEvents(overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(1)),
                        lateFeesAccrued(overdueDay(25), feeLine("C1", "10.0000", "10.00")));
    }

    @Test
    void aCappedChargeAccruesNothingMore() {
        LateFeeTerms capOnePercent = new LateFeeTerms(0, new BigDecimal("0.0005"), new BigDecimal("0.01"));

        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(25), capOnePercent))
                .when(assess(overdueDay(26), capOnePercent))
                .expectNoEvents();
    }

    /** 250.00 × 0.0005 = 0.125: HALF_EVEN makes it 0.12, not 0.13. */
    @Test
    void roundsTheExactTotalToTheFenHalfEven() {
        fixture().given(accountOpened(), charged("C1", "250.00", DECEMBER_DUE))
                .when(assess(overdueDay(1), HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("C1", DECEMBER_DUE, "250.00", overdueDay(1)),
                        lateFeesAccrued(overdueDay(1), feeLine("C1", "0.125000", "0.12")));
    }

    /** Day 2: 0.25 − 0.12 = 0.13. Day 3: 0.375 rounds to 0.38, so 0.38 − 0.25 = 0.13. */
    @Test
    void chargesTheDifferenceBetweenTheRoundedRunningTotals() {
        fixture().given(accountOpened(), charged("C1", "250.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(1), HALF_PER_MILLE_A_DAY), assess(overdueDay(2), HALF_PER_MILLE_A_DAY))
                .when(assess(overdueDay(3), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(3), feeLine("C1", "0.375000", "0.13")));
    }

    /** Day by day the runs charge 0.12, 0.13, 0.13 and 0.12; one run over the four days charges the same 0.50. */
    @Test
    void oneRunOverSeveralDaysChargesWhatDailyRunsWouldTogether() {
        fixture().given(accountOpened(), charged("C1", "250.00", DECEMBER_DUE))
                .when(assess(overdueDay(4), HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("C1", DECEMBER_DUE, "250.00", overdueDay(1)),
                        lateFeesAccrued(overdueDay(4), feeLine("C1", "0.500000", "0.50")));
    }

    @Test
    void theFourthDailyRunBringsTheTotalToWhatOneRunCharges() {
        fixture().given(accountOpened(), charged("C1", "250.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(1), HALF_PER_MILLE_A_DAY), assess(overdueDay(2), HALF_PER_MILLE_A_DAY),
                        assess(overdueDay(3), HALF_PER_MILLE_A_DAY))
                .when(assess(overdueDay(4), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(4), feeLine("C1", "0.500000", "0.12")));
    }

    @Test
    void aSecondRunForTheSameDayChargesNothing() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY))
                .when(assess(overdueDay(5), HALF_PER_MILLE_A_DAY))
                .expectNoEvents();
    }

    @Test
    void aRunForAnEarlierDayChargesNothing() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY))
                .when(assess(overdueDay(3), HALF_PER_MILLE_A_DAY))
                .expectNoEvents();
    }

    @Test
    void aSettledChargeAccruesNothing() {
        LocalDate paidOn = DECEMBER_DUE;
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        received("P1", "1000.00", paidOn), allocated("P1", "0.00", paidOn, principal("C1", "1000.00")))
                .when(assess(overdueDay(40), HALF_PER_MILLE_A_DAY))
                .expectNoEvents();
    }

    @Test
    void aChargeSettledAfterItsDueDateStopsAccruingFromThePaymentDay() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(1), HALF_PER_MILLE_A_DAY), pay("P1", "1000.00", overdueDay(2)))
                .when(assess(overdueDay(20), HALF_PER_MILLE_A_DAY))
                .expectNoEvents();
    }

    @Test
    void aReversedPaymentMakesTheChargeAccrueFromTheDayOfTheReversal() {
        LocalDate paidOn = DECEMBER_DUE.minusDays(5);
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        received("P1", "1000.00", paidOn), allocated("P1", "0.00", paidOn, principal("C1", "1000.00")))
                .andGivenCommands(assess(overdueDay(2), HALF_PER_MILLE_A_DAY), reverse("P1", overdueDay(3)))
                .when(assess(overdueDay(5), HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(3)),
                        lateFeesAccrued(overdueDay(5), feeLine("C1", "1.500000", "1.50")));
    }

    /** November's 200.00 is 31 days overdue on 16 December (31 × 0.10); December's 1000.00 one day (0.50). */
    @Test
    void assessesEveryOverdueChargeInOneEvent() {
        LocalDate novemberDue = LedgerExamples.NOVEMBER_DUE;
        fixture().given(accountOpened(), charged("NOV", "200.00", novemberDue), charged("C1", "1000.00", DECEMBER_DUE))
                .when(assess(overdueDay(1), HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("NOV", novemberDue, "200.00", novemberDue.plusDays(1)),
                        LedgerExamples.reminder("NOV", novemberDue, 30, "200.00", novemberDue.plusDays(30)),
                        overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(1)),
                        lateFeesAccrued(overdueDay(1), feeLine("NOV", "3.100000", "3.10"),
                                feeLine("C1", "0.500000", "0.50")));
    }

    /**
     * A transfer received on day 3 but recorded after the runs of days 1 to 5 (bank statements arrive late; the
     * daily run may pass before finance enters yesterday's cash). The runs of days 1 to 5 charged 2.50 on the full
     * 1000.00; day by day the late fee through day 6 is 0.50 + 0.50 + 4 × 0.20 = 1.80, so the run of day 6
     * recomputes it from day 1 and charges 1.80 − 2.50 = −0.70: a correction.
     */
    @Test
    void aPaymentRecordedAfterTheRunsForItsDayStillReducesTheLateFeeFromThatDay() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(1), HALF_PER_MILLE_A_DAY), assess(overdueDay(2), HALF_PER_MILLE_A_DAY),
                        assess(overdueDay(3), HALF_PER_MILLE_A_DAY), assess(overdueDay(4), HALF_PER_MILLE_A_DAY),
                        assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        pay("P1", "600.00", overdueDay(3)))
                .when(assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(6), feeLine("C1", "1.800000", "-0.70")));
    }

    /** After the correction 400.00 + 1.80 settles the account: it closes. */
    @Test
    void afterTheCorrectionThePrincipalLeftAndTheCorrectedLateFeeSettleTheAccount() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(1), HALF_PER_MILLE_A_DAY), assess(overdueDay(2), HALF_PER_MILLE_A_DAY),
                        assess(overdueDay(3), HALF_PER_MILLE_A_DAY), assess(overdueDay(4), HALF_PER_MILLE_A_DAY),
                        assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        pay("P1", "600.00", overdueDay(3)),
                        assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .when(pay("P2", "401.80", overdueDay(7)))
                .expectEvents(received("P2", "401.80", overdueDay(7)),
                        allocated("P2", "0.00", overdueDay(7), principal("C1", "400.00"), lateFee("C1", "1.80")));
    }

    @Test
    void afterTheCorrectionTheAccountCloses() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(1), HALF_PER_MILLE_A_DAY), assess(overdueDay(2), HALF_PER_MILLE_A_DAY),
                        assess(overdueDay(3), HALF_PER_MILLE_A_DAY), assess(overdueDay(4), HALF_PER_MILLE_A_DAY),
                        assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        pay("P1", "600.00", overdueDay(3)),
                        assess(overdueDay(6), HALF_PER_MILLE_A_DAY),
                        pay("P2", "401.80", overdueDay(7)))
                .when(new MoveOut(ACCOUNT, overdueDay(7), "Sold the flat"))
                .expectEvents(new OwnerAccountEvent.AccountClosed(ACCOUNT, ESTATE, overdueDay(7), List.of(FLAT),
                        "Sold the flat"));
    }

    /**
     * The whole 1000.00 was paid on the due date, but recorded after the runs of days 1 to 5 had charged 2.50:
     * nothing was ever owed, so the next run charges −2.50 and the exact total is zero.
     */
    @Test
    void aCorrectionCanTakeBackEverythingCharged() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(1), HALF_PER_MILLE_A_DAY), assess(overdueDay(2), HALF_PER_MILLE_A_DAY),
                        assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        pay("P1", "1000.00", DECEMBER_DUE))
                .when(assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(6), feeLine("C1", "0", "-2.50")));
    }

    /**
     * The runs charged 2.50 through day 5 on the full 1000.00; then the transfer of day 3 (600.00) is recorded. A
     * run for day 4, a day already assessed, changes nothing: no event, the late fee stays 2.50 and the balance
     * 1000.00 + 2.50 − 600.00 = 402.50. (It used to recompute through day 4 only, 0.50 + 0.50 + 2 × 0.20 = 1.40,
     * and charge −1.10 against the 2.50 of five days; the run of day 6 then charged +0.40 back.)
     */
    @Test
    void aRunForAnEarlierDayAfterALatePaymentChangesNothing() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY), pay("P1", "600.00", overdueDay(3)))
                .when(assess(overdueDay(4), HALF_PER_MILLE_A_DAY))
                .expectNoEvents()
                .expectState(lateFeeOf("C1", "2.50", "0.00"))
                .expectState(ledger("402.50", "402.50", "0.00"));
    }

    /** A second run for the day already assessed changes nothing either: the correction waits for a new day. */
    @Test
    void aRerunForTheDayAlreadyAssessedLeavesTheCorrectionToTheNextDay() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY), pay("P1", "600.00", overdueDay(3)))
                .when(assess(overdueDay(5), HALF_PER_MILLE_A_DAY))
                .expectNoEvents()
                .expectState(lateFeeOf("C1", "2.50", "0.00"));
    }

    /**
     * After the runs for days 4 and 5 changed nothing, the run of day 6 makes the correction, computed through day
     * 6: 0.50 + 0.50 + 4 × 0.20 = 1.80, so 1.80 − 2.50 = −0.70, as if the earlier runs had never happened.
     */
    @Test
    void theFirstRunForANewDayCorrectsThroughThatDay() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY), pay("P1", "600.00", overdueDay(3)),
                        assess(overdueDay(4), HALF_PER_MILLE_A_DAY), assess(overdueDay(5), HALF_PER_MILLE_A_DAY))
                .when(assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(6), feeLine("C1", "1.800000", "-0.70")))
                .expectState(lateFeeOf("C1", "1.80", "0.00"))
                .expectState(ledger("401.80", "401.80", "0.00"));
    }

    /** After the correction through day 6, a run for day 4 changes nothing and the run of day 7 charges day 7. */
    @Test
    void afterACorrectionTheNextRunChargesOnlyItsNewDays() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY), pay("P1", "600.00", overdueDay(3)),
                        assess(overdueDay(6), HALF_PER_MILLE_A_DAY), assess(overdueDay(4), HALF_PER_MILLE_A_DAY))
                .when(assess(overdueDay(7), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(7), feeLine("C1", "2.000000", "0.20")));
    }

    /**
     * 2.00 of the 2.50 was waived, then the payment of day 3 recorded: a run for day 4 changes nothing (it does not
     * take the late fee to the 1.40 of four days, nor to the 2.00 waived); the run of day 6 corrects to 1.80, held
     * at the 2.00 settled: −0.50.
     */
    @Test
    void aRunForAnEarlierDayChangesNothingOnALateFeePartlyWaived() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        requestWaiver("W1", "C1", ChargePart.LATE_FEE, "2.00"),
                        approveWaiver("W1", MANAGER, overdueDay(5)),
                        pay("P1", "600.00", overdueDay(3)),
                        assess(overdueDay(4), HALF_PER_MILLE_A_DAY))
                .when(assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(6), feeLine("C1", "1.800000", "-0.50")))
                .expectState(LateFeeAccrualTest::assertNothingSettledBeyondWhatItCameTo)
                .expectState(lateFeeOf("C1", "2.00", "2.00"));
    }

    /** A payment recorded late but dated after the last run counts from its day on, as it always did. */
    @Test
    void aPaymentDatedAfterTheLastRunChangesNoDayAlreadyCharged() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(2), HALF_PER_MILLE_A_DAY), pay("P1", "600.00", overdueDay(3)))
                .when(assess(overdueDay(4), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(4), feeLine("C1", "1.400000", "0.40")));
    }

    /**
     * 600.00 of the 1000.00 was paid before the due date, so the run of day 5 charged 5 × 0.20 = 1.00. The payment
     * bounces on day 3 but the reversal is recorded after that run: a rerun for day 5 changes nothing, and the run
     * of day 6 finds the whole 1000.00 owed again from day 3, 2 × 0.20 + 4 × 0.50 = 2.40, a positive correction of
     * 1.40.
     */
    @Test
    void aReversalRecordedAfterTheRunsForItsDayAddsTheLateFeeFromThatDay() {
        LocalDate paidOn = DECEMBER_DUE.minusDays(5);
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        received("P1", "600.00", paidOn), allocated("P1", "0.00", paidOn, principal("C1", "600.00")))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY), reverse("P1", overdueDay(3)),
                        assess(overdueDay(5), HALF_PER_MILLE_A_DAY))
                .when(assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(6), feeLine("C1", "2.400000", "1.40")));
    }

    @Test
    void aReversalRecordedAfterTheRunsForItsDayChangesNothingOnARerunForThatDay() {
        LocalDate paidOn = DECEMBER_DUE.minusDays(5);
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        received("P1", "600.00", paidOn), allocated("P1", "0.00", paidOn, principal("C1", "600.00")))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY), reverse("P1", overdueDay(3)))
                .when(assess(overdueDay(5), HALF_PER_MILLE_A_DAY))
                .expectNoEvents();
    }

    // ------------------------------------------------------------ corrections never settle a late fee beyond itself

    /**
     * Every charge part is settled at most up to what it came to, the balance is what is outstanding less the
     * credit, and the account's outstanding is the sum of parts none of which is negative.
     */
    private static void assertNothingSettledBeyondWhatItCameTo(OwnerAccount account) {
        Ledger ledger = LedgerLawsPropertiesTest.ledgerOf(account);
        for (String chargeId : List.of("NOV", "DEC", "JAN", "C1")) {
            ledger.charge(chargeId).ifPresent(charge -> {
                assertThat(charge.principalOutstanding()).as("principal outstanding on %s", chargeId)
                        .isGreaterThanOrEqualTo(BigDecimal.ZERO);
                assertThat(charge.lateFeeOutstanding()).as("late fee outstanding on %s", chargeId)
                        .isGreaterThanOrEqualTo(BigDecimal.ZERO);
            });
        }
        assertThat(ledger.balance()).as("balance").isEqualTo(ledger.outstanding().minus(ledger.credit()));
    }

    private static Consumer<OwnerAccount> lateFeeOf(String chargeId, String charged, String settled) {
        return account -> {
            Ledger.Charge charge = LedgerLawsPropertiesTest.ledgerOf(account).charge(chargeId).orElseThrow();
            assertThat(charge.lateFeeCharged).as("late fee charged on %s", chargeId)
                    .isEqualByComparingTo(charged);
            assertThat(charge.lateFeeSettled).as("late fee settled on %s", chargeId)
                    .isEqualByComparingTo(settled);
        };
    }

    private static Consumer<OwnerAccount> ledger(String balance, String outstanding, String credit) {
        return account -> {
            Ledger ledger = LedgerLawsPropertiesTest.ledgerOf(account);
            assertThat(ledger.balance()).as("balance").isEqualTo(cny(balance));
            assertThat(ledger.outstanding()).as("outstanding").isEqualTo(cny(outstanding));
            assertThat(ledger.credit()).as("credit").isEqualTo(cny(credit));
        };
    }

    /**
     * A history recorded before the allocation rule: November (1000.00) was left open by a payment that named
     * December, leaving 1100.00 of credit. The run of 20 November charges 2.50 (days 1 to 5, 20 November owed in
     * full) and the credit settles the principal and the 2.50, dated 21 November. The run of 21 November finds
     * nothing owed on that day and nothing settled on a day already charged: it charges nothing, and the 2.50
     * stays charged and settled (credit 1100.00 − 1002.50 = 97.50, balance −97.50).
     */
    @Test
    void theRunAfterCreditSettledALateFeeDoesNotLeaveItSettledBeyondWhatItCameTo() {
        LocalDate paidOn = LocalDate.of(2026, 11, 10);
        LocalDate runDay = NOVEMBER_DUE.plusDays(5);
        fixture().given(accountOpened(), charged("NOV", "1000.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "1400.00", paidOn), allocated("P1", "1100.00", paidOn, principal("DEC", "300.00")))
                .andGivenCommands(assess(runDay, HALF_PER_MILLE_A_DAY))
                .when(assess(runDay.plusDays(1), HALF_PER_MILLE_A_DAY))
                .expectNoEvents()
                .expectState(LateFeeAccrualTest::assertNothingSettledBeyondWhatItCameTo)
                .expectState(lateFeeOf("NOV", "2.50", "2.50"))
                .expectState(ledger("-97.50", "0.00", "97.50"));
    }

    /**
     * Rule: credit used after a run is dated the day after it. A second run for the run's own day therefore sees
     * no settlement on a day it charged, and takes back nothing of the 2.50 the credit paid.
     */
    @Test
    void aRerunForTheDayOfTheRunDoesNotTakeBackTheLateFeeTheCreditPaid() {
        LocalDate paidOn = LocalDate.of(2026, 11, 10);
        LocalDate runDay = NOVEMBER_DUE.plusDays(5);
        fixture().given(accountOpened(), charged("NOV", "1000.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "1400.00", paidOn), allocated("P1", "1100.00", paidOn, principal("DEC", "300.00")))
                .andGivenCommands(assess(runDay, HALF_PER_MILLE_A_DAY))
                .when(assess(runDay, HALF_PER_MILLE_A_DAY))
                .expectNoEvents()
                .expectState(lateFeeOf("NOV", "2.50", "2.50"));
    }

    /**
     * Consequence of the above: the credit of 97.50 is refunded and January (0.50) charged; the account owes
     * January and does not close.
     */
    @Test
    void anAccountWithAnOpenChargeDoesNotCloseAfterCreditSettledAnotherChargesLateFee() {
        LocalDate paidOn = LocalDate.of(2026, 11, 10);
        LocalDate runDay = NOVEMBER_DUE.plusDays(5);
        fixture().given(accountOpened(), charged("NOV", "1000.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "1400.00", paidOn), allocated("P1", "1100.00", paidOn, principal("DEC", "300.00")))
                .andGivenCommands(assess(runDay, HALF_PER_MILLE_A_DAY), assess(runDay.plusDays(1), HALF_PER_MILLE_A_DAY),
                        requestRefund("F1", "97.50"), approveRefund("F1", MANAGER, runDay.plusDays(1)))
                .andGiven(charged("JAN", "0.50", JANUARY_DUE))
                .when(new MoveOut(ACCOUNT, runDay.plusDays(2), "Sold the flat"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "balance-outstanding"));
    }

    @Test
    void onceJanuaryIsPaidTooTheAccountCloses() {
        LocalDate paidOn = LocalDate.of(2026, 11, 10);
        LocalDate runDay = NOVEMBER_DUE.plusDays(5);
        fixture().given(accountOpened(), charged("NOV", "1000.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "1400.00", paidOn), allocated("P1", "1100.00", paidOn, principal("DEC", "300.00")))
                .andGivenCommands(assess(runDay, HALF_PER_MILLE_A_DAY), assess(runDay.plusDays(1), HALF_PER_MILLE_A_DAY),
                        requestRefund("F1", "97.50"), approveRefund("F1", MANAGER, runDay.plusDays(1)))
                .andGiven(charged("JAN", "0.50", JANUARY_DUE))
                .andGivenCommands(pay("P2", "0.50", runDay.plusDays(2)))
                .when(new MoveOut(ACCOUNT, runDay.plusDays(2), "Sold the flat"))
                .expectEvents(new OwnerAccountEvent.AccountClosed(ACCOUNT, ESTATE, runDay.plusDays(2), List.of(FLAT),
                        "Sold the flat"));
    }

    /**
     * Without credit: the whole 2.50 late fee is waived, then the payment of the due date is recorded. Day by day
     * nothing was ever owed (exact total 0), but 2.50 of the late fee is settled already, so the correction keeps
     * the charged total at 2.50: it charges 0.00 and records the exact total 0. Nothing is owed either way.
     */
    @Test
    void aCorrectionAfterTheLateFeeWasWaivedDoesNotLeaveTheAccountOwingTheOwner() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        requestWaiver("W1", "C1", ChargePart.LATE_FEE, "2.50"),
                        approveWaiver("W1", MANAGER, overdueDay(5)),
                        pay("P1", "1000.00", DECEMBER_DUE))
                .when(assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(6), feeLine("C1", "0", "0.00")))
                .expectState(LateFeeAccrualTest::assertNothingSettledBeyondWhatItCameTo)
                .expectState(lateFeeOf("C1", "2.50", "2.50"))
                .expectState(ledger("0.00", "0.00", "0.00"));
    }

    @Test
    void afterACorrectionHeldAtTheWaivedLateFeeTheAccountCloses() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        requestWaiver("W1", "C1", ChargePart.LATE_FEE, "2.50"),
                        approveWaiver("W1", MANAGER, overdueDay(5)),
                        pay("P1", "1000.00", DECEMBER_DUE),
                        assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .when(new MoveOut(ACCOUNT, overdueDay(7), "Sold the flat"))
                .expectEvents(new OwnerAccountEvent.AccountClosed(ACCOUNT, ESTATE, overdueDay(7), List.of(FLAT),
                        "Sold the flat"));
    }

    /**
     * Rule: the charged total after a correction is max(rounded exact total, settled). 2.00 of the 2.50 was
     * waived; the payment of day 3 recorded late makes the exact total 1.80, below the 2.00 settled: the charged
     * total stays at 2.00, a correction of −0.50, not −0.70.
     */
    @Test
    void aCorrectionNeverTakesTheLateFeeBelowWhatWasWaivedOfIt() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        requestWaiver("W1", "C1", ChargePart.LATE_FEE, "2.00"),
                        approveWaiver("W1", MANAGER, overdueDay(5)),
                        pay("P1", "600.00", overdueDay(3)))
                .when(assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(6), feeLine("C1", "1.800000", "-0.50")))
                .expectState(LateFeeAccrualTest::assertNothingSettledBeyondWhatItCameTo)
                .expectState(lateFeeOf("C1", "2.00", "2.00"));
    }

    /** With only 1.00 waived the exact 1.80 is above what is settled: the correction is the usual −0.70. */
    @Test
    void aCorrectionAboveWhatIsSettledChargesTheRoundedExactTotal() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        requestWaiver("W1", "C1", ChargePart.LATE_FEE, "1.00"),
                        approveWaiver("W1", MANAGER, overdueDay(5)),
                        pay("P1", "600.00", overdueDay(3)))
                .when(assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(6), feeLine("C1", "1.800000", "-0.70")))
                .expectState(lateFeeOf("C1", "1.80", "1.00"));
    }

    /**
     * After the correction held at 2.00 the exact total goes on from 1.80 (400.00 still open, 0.20 a day): day 7
     * brings it to 2.00, nothing more to charge; the run of day 8 (exact 2.20) charges 0.20.
     */
    @Test
    void afterACorrectionHeldAtWhatIsSettledOnlyTheLateFeeBeyondItIsCharged() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        requestWaiver("W1", "C1", ChargePart.LATE_FEE, "2.00"),
                        approveWaiver("W1", MANAGER, overdueDay(5)),
                        pay("P1", "600.00", overdueDay(3)),
                        assess(overdueDay(6), HALF_PER_MILLE_A_DAY))
                .when(assess(overdueDay(8), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(8), feeLine("C1", "2.200000", "0.20")))
                .expectState(lateFeeOf("C1", "2.20", "2.00"));
    }

    /**
     * The same with money instead of a waiver. P1 paid the principal and P2 the 2.50 late fee on day 6; P1 bounced
     * (reversed as of day 6) and the owner shows a transfer of the full 1000.00 made on the due date, recorded
     * now. Day by day nothing was owed, but P2's 2.50 is settled on the late fee: the charged total stays 2.50.
     */
    @Test
    void aCorrectionNeverTakesTheLateFeeBelowWhatWasPaidOfIt() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                        pay("P1", "1000.00", overdueDay(6)), pay("P2", "2.50", overdueDay(6)),
                        reverse("P1", overdueDay(6)), pay("P0", "1000.00", DECEMBER_DUE))
                .when(assess(overdueDay(7), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(7), feeLine("C1", "0", "0.00")))
                .expectState(LateFeeAccrualTest::assertNothingSettledBeyondWhatItCameTo)
                .expectState(lateFeeOf("C1", "2.50", "2.50"))
                .expectState(ledger("0.00", "0.00", "0.00"));
    }


    /**
     * After {@link #aCorrectionNeverTakesTheLateFeeBelowWhatWasPaidOfIt}, P2 (the 2.50 paid on the late fee) bounces
     * too. All the owner ever paid is the 1000.00 of the due date: day by day no late fee was due, and nothing
     * holds the late fee at 2.50 any more. The reversal releases it in the same decision (a correction of −2.50,
     * dated the day the account stands assessed through, day 7), so the balance is right at once: nothing owed.
     */
    @Test
    void aLateFeeHeldAtWhatWasPaidIsReleasedByTheReversalOfThatPayment() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(lateFeeHeldAtWhatP2Paid())
                .when(reverse("P2", overdueDay(8)))
                .expectEvents(reversed("P2", "2.50", "0.00", overdueDay(8), lateFee("C1", "2.50")),
                        lateFeesAccrued(overdueDay(7), feeLine("C1", "0", "-2.50")))
                .expectState(LateFeeAccrualTest::assertNothingSettledBeyondWhatItCameTo)
                .expectState(lateFeeOf("C1", "0.00", "0.00"))
                .expectState(ledger("0.00", "0.00", "0.00"));
    }

    /**
     * The release does not wait for an arrears run, and leaves none to do: a run for a day before any due date (the
     * laws' probe) and the next daily run find nothing to charge or release.
     */
    @Test
    void afterTheReversalReleasedTheLateFeeARunForADayBeforeAnyDueDateChangesNothing() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(lateFeeHeldAtWhatP2Paid())
                .andGivenCommands(reverse("P2", overdueDay(8)))
                .when(assess(DECEMBER_DUE.minusDays(1), HALF_PER_MILLE_A_DAY))
                .expectNoEvents()
                .expectState(ledger("0.00", "0.00", "0.00"));
    }

    @Test
    void afterTheReversalReleasedTheLateFeeTheNextRunHasNothingToRelease() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(lateFeeHeldAtWhatP2Paid())
                .andGivenCommands(reverse("P2", overdueDay(8)))
                .when(assess(overdueDay(9), HALF_PER_MILLE_A_DAY))
                .expectNoEvents()
                .expectState(lateFeeOf("C1", "0.00", "0.00"))
                .expectState(ledger("0.00", "0.00", "0.00"));
    }

    @Test
    void afterTheReversalReleasedTheLateFeeTheAccountClosesWithoutWaitingForARun() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(lateFeeHeldAtWhatP2Paid())
                .andGivenCommands(reverse("P2", overdueDay(8)))
                .when(new MoveOut(ACCOUNT, overdueDay(8), "Sold the flat"))
                .expectEvents(new OwnerAccountEvent.AccountClosed(ACCOUNT, ESTATE, overdueDay(8), List.of(FLAT),
                        "Sold the flat"));
    }

    /**
     * The release comes before prepaid credit settles what the reversal re-opened: the 50.00 credit of P3 pays none
     * of the 2.50 that is released, so nothing stays held by credit and the credit stays whole.
     */
    @Test
    void creditDoesNotPayALateFeeTheReversalReleases() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(lateFeeHeldAtWhatP2Paid())
                .andGivenCommands(pay("P3", "50.00", overdueDay(7)))
                .when(reverse("P2", overdueDay(8)))
                .expectEvents(reversed("P2", "2.50", "0.00", overdueDay(8), lateFee("C1", "2.50")),
                        lateFeesAccrued(overdueDay(7), feeLine("C1", "0", "-2.50")))
                .expectState(lateFeeOf("C1", "0.00", "0.00"))
                .expectState(ledger("-50.00", "0.00", "50.00"));
    }

    /**
     * The release is dated the day through which every charge stands assessed, so recording it marks no day of any
     * charge as assessed: DEC2, billed after the run of day 7 with a due date before it, still gets its overdue
     * notice and every day's late fee from the next run.
     */
    @Test
    void theReleaseLeavesTheDaysOfAChargeNoRunHasAssessedToTheNextRun() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(lateFeeHeldAtWhatP2Paid())
                .andGivenCommands(chargeFee("DEC2", "1000.00", overdueDay(2)))
                .andGivenCommands(reverse("P2", overdueDay(8)))
                .when(assess(overdueDay(8), HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("DEC2", overdueDay(2), "1000.00", overdueDay(3)),
                        lateFeesAccrued(overdueDay(8), feeLine("DEC2", "3.000000", "3.00")));
    }

    /**
     * An account whose reversal was recorded before reversals released held late fees (the event stream has the
     * reversal and no release) gets the release from its next arrears run, as before.
     */
    @Test
    void aRunReleasesALateFeeLeftHeldByAReversalRecordedWithoutTheRelease() {
        LocalDate day6 = overdueDay(6);
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(1)),
                        lateFeesAccrued(overdueDay(5), feeLine("C1", "2.500000", "2.50")),
                        received("P1", "1000.00", day6), allocated("P1", "0.00", day6, principal("C1", "1000.00")),
                        received("P2", "2.50", day6), allocated("P2", "0.00", day6, lateFee("C1", "2.50")),
                        reversed("P1", "1000.00", "0.00", day6, principal("C1", "1000.00")),
                        received("P0", "1000.00", DECEMBER_DUE),
                        allocated("P0", "0.00", DECEMBER_DUE, principal("C1", "1000.00")),
                        lateFeesAccrued(overdueDay(7), feeLine("C1", "0", "0.00")),
                        reversed("P2", "2.50", "0.00", overdueDay(8), lateFee("C1", "2.50")))
                .when(assess(overdueDay(9), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(overdueDay(9), feeLine("C1", "0", "-2.50")))
                .expectState(lateFeeOf("C1", "0.00", "0.00"))
                .expectState(ledger("0.00", "0.00", "0.00"));
    }

    /** The same stream: a run for day 7, already assessed, changes nothing; the release waits for a new day. */
    @Test
    void aRunForADayAlreadyAssessedLeavesALateFeeLeftHeldByAnOldReversalToTheNextRun() {
        LocalDate day6 = overdueDay(6);
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(1)),
                        lateFeesAccrued(overdueDay(5), feeLine("C1", "2.500000", "2.50")),
                        received("P1", "1000.00", day6), allocated("P1", "0.00", day6, principal("C1", "1000.00")),
                        received("P2", "2.50", day6), allocated("P2", "0.00", day6, lateFee("C1", "2.50")),
                        reversed("P1", "1000.00", "0.00", day6, principal("C1", "1000.00")),
                        received("P0", "1000.00", DECEMBER_DUE),
                        allocated("P0", "0.00", DECEMBER_DUE, principal("C1", "1000.00")),
                        lateFeesAccrued(overdueDay(7), feeLine("C1", "0", "0.00")),
                        reversed("P2", "2.50", "0.00", overdueDay(8), lateFee("C1", "2.50")))
                .when(assess(overdueDay(7), HALF_PER_MILLE_A_DAY))
                .expectNoEvents()
                .expectState(lateFeeOf("C1", "2.50", "0.00"));
    }

    /**
     * {@link #aCorrectionNeverTakesTheLateFeeBelowWhatWasPaidOfIt}: P1 paid the principal and P2 the 2.50 late fee
     * on day 6, P1 bounced, the 1000.00 of the due date was recorded, and the run of day 7 held the late fee at the
     * 2.50 P2 paid.
     */
    private static Object[] lateFeeHeldAtWhatP2Paid() {
        return new Object[]{assess(overdueDay(5), HALF_PER_MILLE_A_DAY),
                pay("P1", "1000.00", overdueDay(6)), pay("P2", "2.50", overdueDay(6)),
                reverse("P1", overdueDay(6)), pay("P0", "1000.00", DECEMBER_DUE),
                assess(overdueDay(7), HALF_PER_MILLE_A_DAY)};
    }
}
