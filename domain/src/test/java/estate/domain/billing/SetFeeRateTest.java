package estate.domain.billing;

import estate.domain.billing.FeeScheduleCommands.SetFeeRate;
import estate.domain.billing.FeeScheduleEvent.FeeRateSet;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static estate.domain.billing.BillingExamples.CNY;
import static estate.domain.billing.BillingExamples.ESTATE;
import static estate.domain.billing.BillingExamples.PROPERTY_FEE;
import static estate.domain.billing.BillingExamples.SCHEDULE;
import static estate.domain.billing.BillingExamples.decimal;
import static estate.domain.billing.BillingExamples.defaultPolicySet;
import static estate.domain.billing.BillingExamples.propertyFeeDefined;
import static estate.domain.billing.BillingExamples.rate;
import static estate.domain.billing.BillingExamples.scheduleFixture;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fee item's rate applies from its effective date on; a period straddling it is prorated by days. A rate is a
 * unit price with up to four decimals (electricity is priced to the 0.0001 CNY/kWh), kept exactly as given.
 */
class SetFeeRateTest {

    private static final LocalDate JANUARY_FIRST = LocalDate.of(2027, 1, 1);
    private static final String ASSEMBLY = "Owners' assembly of 2026-11-20";

    private static SetFeeRate setPropertyFeeRate(LocalDate from, String rate) {
        return setPropertyFeeRate(from, rate, CNY);
    }

    private static SetFeeRate setPropertyFeeRate(LocalDate from, String rate, Currency currency) {
        return new SetFeeRate(SCHEDULE, PROPERTY_FEE, from, decimal(rate), currency, ASSEMBLY);
    }

    private static FeeRateSet rateSet(LocalDate from, String rate, String reason) {
        return new FeeRateSet(SCHEDULE, ESTATE, PROPERTY_FEE, from, decimal(rate), CNY, reason);
    }

    @Test
    void setsARateFromADate() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined())
                .when(setPropertyFeeRate(JANUARY_FIRST, "2.80"))
                .expectEvents(rateSet(JANUARY_FIRST, "2.80", ASSEMBLY));
    }

    @Test
    void keepsTheRateHistoryInDateOrder() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined(), rateSet(JANUARY_FIRST, "3.00", "Increase"))
                .when(setPropertyFeeRate(LocalDate.of(2026, 1, 1), "2.80"))
                .expectSuccessfulHandlerExecution()
                .expectState(schedule -> assertThat(schedule.terms().item(PROPERTY_FEE).orElseThrow().rates())
                        .containsExactly(rate("2026-01-01", "2.80"), rate("2027-01-01", "3.00")));
    }

    @Test
    void aRateForADateThatHasOneReplacesIt() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined(), rateSet(JANUARY_FIRST, "3.00", "Increase"))
                .when(setPropertyFeeRate(JANUARY_FIRST, "2.95"))
                .expectSuccessfulHandlerExecution()
                .expectState(schedule -> assertThat(schedule.terms().item(PROPERTY_FEE).orElseThrow().rates())
                        .isEqualTo(List.of(rate("2027-01-01", "2.95"))));
    }

    @Test
    void acceptsAZeroRate() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined())
                .when(setPropertyFeeRate(JANUARY_FIRST, "0.00"))
                .expectEvents(rateSet(JANUARY_FIRST, "0.00", ASSEMBLY));
    }

    /** Electricity at 0.5283 CNY/kWh: four decimals are kept as they are, not rounded to the fen. */
    @Test
    void keepsARateWithFourDecimalsExactly() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined())
                .when(setPropertyFeeRate(JANUARY_FIRST, "0.5283"))
                .expectEvents(rateSet(JANUARY_FIRST, "0.5283", ASSEMBLY))
                .expectState(schedule -> assertThat(schedule.terms().item(PROPERTY_FEE).orElseThrow().rates())
                        .containsExactly(rate("2027-01-01", "0.5283")));
    }

    @Test
    void rejectsAnItemTheScheduleDoesNotHave() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined())
                .when(new SetFeeRate(SCHEDULE, "PARKING_FEE", JANUARY_FIRST, decimal("150.00"), CNY, "New car park"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-fee-item"));
    }

    @Test
    void rejectsANegativeRate() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined())
                .when(setPropertyFeeRate(JANUARY_FIRST, "-0.01"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "negative-rate"));
    }

    @Test
    void rejectsARateInAnotherCurrencyThanTheEstates() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined())
                .when(setPropertyFeeRate(JANUARY_FIRST, "2.80", Currency.getInstance("USD")))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "currency-mismatch"));
    }

    /** A price with a fifth decimal is refused, never rounded to four (or to the fen). */
    @Test
    void rejectsARateWithMoreThanFourDecimalsInsteadOfRoundingIt() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined())
                .when(setPropertyFeeRate(JANUARY_FIRST, "0.52835"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-rate"));
    }
}
