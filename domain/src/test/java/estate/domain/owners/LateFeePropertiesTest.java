package estate.domain.owners;

import estate.domain.owners.LedgerLines.LateFeeLine;
import estate.domain.owners.OwnerAccountEvent.LateFeesAccrued;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.LedgerExamples.assess;
import static estate.domain.owners.LedgerExamples.chargeFee;
import static estate.domain.owners.LedgerExamples.pay;
import static estate.domain.owners.LedgerLawsPropertiesTest.events;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The late fee of a charge with partial payments is the day-by-day sum: Σ over the days past the grace days of the
 * principal outstanding at the end of the day × the daily rate, capped, rounded once to the fen (HALF_EVEN). The
 * same whether the arrears run goes daily (payments between the runs) or once over the whole range.
 */
class LateFeePropertiesTest {

    /** A payment {@code day} days after the due date (0: on it) of {@code perMille} ‰ of the principal. */
    record Payment(int day, int perMille) {
    }

    @Property(tries = 100)
    void dailyRunsAndOneRunBothChargeTheDayByDaySum(
            @ForAll @LongRange(min = 100, max = 10_000_000) long principalFen,
            @ForAll("payments") @Size(max = 4) List<Payment> payments,
            @ForAll @IntRange(min = 1, max = 45) int days,
            @ForAll("terms") LateFeeTerms terms) {
        BigDecimal principal = BigDecimal.valueOf(principalFen, 2);
        BigDecimal exact = dayByDaySum(principal, payments, days, terms);
        BigDecimal expected = exact.setScale(2, RoundingMode.HALF_EVEN);

        List<LateFeesAccrued> daily = lateFees(runDaily(principal, payments, days, terms));
        List<LateFeesAccrued> once = lateFees(runOnce(principal, payments, days, terms));

        assertThat(charged(daily)).as("daily runs").isEqualByComparingTo(expected);
        assertThat(charged(once)).as("one run").isEqualByComparingTo(expected);
        assertThat(once).hasSizeLessThanOrEqualTo(1);
        if (exact.signum() > 0) {
            assertThat(lastExactTotal(daily)).isEqualByComparingTo(exact);
            assertThat(lastExactTotal(once)).isEqualByComparingTo(exact);
        }
    }

    /**
     * The same sum when each payment is recorded {@code delay} days after the day it was received, after the runs
     * of the days between: the runs for new days that follow correct the late fee of the days already charged. The
     * last payments are recorded after the run of the last day; a second run for that day changes nothing, and the
     * run of the next day charges the day-by-day sum through it.
     */
    @Property(tries = 100)
    void paymentsRecordedAfterTheRunsOfTheirDayEndUpChargingTheDayByDaySum(
            @ForAll @LongRange(min = 100, max = 10_000_000) long principalFen,
            @ForAll("payments") @Size(max = 4) List<Payment> payments,
            @ForAll @IntRange(min = 1, max = 45) int days,
            @ForAll @IntRange(min = 1, max = 6) int delay,
            @ForAll("terms") LateFeeTerms terms) {
        BigDecimal principal = BigDecimal.valueOf(principalFen, 2);
        BigDecimal exact = dayByDaySum(principal, payments, days + 1, terms);

        AggregateTestFixture<OwnerAccount> fixture = runDailyRecordingLate(principal, payments, days, delay, terms);
        List<LateFeesAccrued> late = lateFees(fixture);

        assertThat(charged(late)).isEqualByComparingTo(exact.setScale(2, RoundingMode.HALF_EVEN));
        if (!late.isEmpty()) {
            assertThat(lastExactTotal(late)).isEqualByComparingTo(exact);
        }
    }

    @Provide
    Arbitrary<List<Payment>> payments() {
        // at most 4 payments of at most 249 ‰: they never pay the whole principal, so every payment reduces it
        return Combinators.combine(Arbitraries.integers().between(0, 45), Arbitraries.integers().between(1, 249))
                .as(Payment::new).list();
    }

    @Provide
    Arbitrary<LateFeeTerms> terms() {
        return Combinators.combine(Arbitraries.integers().between(0, 5),
                        Arbitraries.of("0.0003", "0.0005", "0.001").map(BigDecimal::new),
                        Arbitraries.of("1", "0.1", "0.02").map(BigDecimal::new))
                .as(LateFeeTerms::new);
    }

    /** The plain recomputation: Σ outstanding at the end of each day past the grace days × rate, capped. */
    private static BigDecimal dayByDaySum(BigDecimal principal, List<Payment> payments, int days, LateFeeTerms terms) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int day = terms.graceDays() + 1; day <= days; day++) {
            BigDecimal outstanding = principal;
            for (Payment p : payments) {
                if (p.day() <= day) {
                    outstanding = outstanding.subtract(amount(principal, p));
                }
            }
            sum = sum.add(outstanding.multiply(terms.dailyRate()));
        }
        return sum.min(principal.multiply(terms.capRatio()));
    }

    private static AggregateTestFixture<OwnerAccount> runDaily(BigDecimal principal, List<Payment> payments,
                                                               int days, LateFeeTerms terms) {
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        TestExecutor<OwnerAccount> account = fixture.given(accountOpened())
                .andGivenCommands(chargeFee("C1", principal.toPlainString(), DECEMBER_DUE));
        for (int day = 0; day <= days; day++) {
            payOn(account, principal, payments, day);
            if (day > 0) {
                account.andGivenCommands(assess(DECEMBER_DUE.plusDays(day), terms));
            }
        }
        return fixture;
    }

    private static AggregateTestFixture<OwnerAccount> runOnce(BigDecimal principal, List<Payment> payments,
                                                              int days, LateFeeTerms terms) {
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        TestExecutor<OwnerAccount> account = fixture.given(accountOpened())
                .andGivenCommands(chargeFee("C1", principal.toPlainString(), DECEMBER_DUE));
        for (int day = 0; day <= days; day++) {
            payOn(account, principal, payments, day);
        }
        account.andGivenCommands(assess(DECEMBER_DUE.plusDays(days), terms));
        return fixture;
    }

    /**
     * Daily runs; each payment is recorded {@code delay} days late (dated its day). The last ones are recorded after
     * the run of day {@code days}; a second run for that day must record nothing; then the payments of the next day
     * (on time) and its run.
     */
    private static AggregateTestFixture<OwnerAccount> runDailyRecordingLate(BigDecimal principal,
                                                                           List<Payment> payments, int days,
                                                                           int delay, LateFeeTerms terms) {
        AggregateTestFixture<OwnerAccount> fixture = fixture();
        TestExecutor<OwnerAccount> account = fixture.given(accountOpened())
                .andGivenCommands(chargeFee("C1", principal.toPlainString(), DECEMBER_DUE));
        for (int day = 0; day <= days; day++) {
            if (day - delay >= 0) {
                payOn(account, principal, payments, day - delay);
            }
            if (day > 0) {
                account.andGivenCommands(assess(DECEMBER_DUE.plusDays(day), terms));
            }
        }
        for (int day = Math.max(0, days - delay + 1); day <= days; day++) {
            payOn(account, principal, payments, day);
        }
        int recorded = events(fixture).size();
        account.andGivenCommands(assess(DECEMBER_DUE.plusDays(days), terms));
        assertThat(events(fixture)).as("a second run for day %s", days).hasSize(recorded);
        payOn(account, principal, payments, days + 1);
        account.andGivenCommands(assess(DECEMBER_DUE.plusDays(days + 1), terms));
        return fixture;
    }

    private static void payOn(TestExecutor<OwnerAccount> account, BigDecimal principal, List<Payment> payments,
                              int day) {
        for (int i = 0; i < payments.size(); i++) {
            Payment p = payments.get(i);
            if (p.day() == day && amount(principal, p).signum() > 0) {
                LocalDate paidOn = DECEMBER_DUE.plusDays(day);
                account.andGivenCommands(pay("P" + i, amount(principal, p).toPlainString(), paidOn));
            }
        }
    }

    private static BigDecimal amount(BigDecimal principal, Payment payment) {
        return principal.multiply(BigDecimal.valueOf(payment.perMille())).movePointLeft(3)
                .setScale(2, RoundingMode.DOWN);
    }

    private static List<LateFeesAccrued> lateFees(AggregateTestFixture<OwnerAccount> fixture) {
        return events(fixture).stream().filter(LateFeesAccrued.class::isInstance).map(LateFeesAccrued.class::cast)
                .toList();
    }

    private static BigDecimal charged(List<LateFeesAccrued> accruals) {
        return accruals.stream().map(a -> a.total().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal lastExactTotal(List<LateFeesAccrued> accruals) {
        List<LateFeeLine> lines = accruals.get(accruals.size() - 1).lines();
        return lines.get(lines.size() - 1).exactTotal();
    }
}
