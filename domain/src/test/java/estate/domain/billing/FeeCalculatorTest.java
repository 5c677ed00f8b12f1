package estate.domain.billing;

import estate.domain.billing.FeeCalculator.Consumption;
import estate.domain.billing.FeeCalculator.Line;
import estate.domain.estates.UnitUse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static estate.domain.billing.BillingExamples.cny;
import static estate.domain.billing.BillingExamples.decimal;
import static estate.domain.billing.BillingExamples.rate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arithmetic of one bill line: a month's rate spread evenly over its days, rate changes and holdings that
 * start or end in the month prorated by days, the exact amount rounded once to the fen, HALF_EVEN.
 */
class FeeCalculatorTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final List<Consumption> NO_READINGS = List.of();

    private static FeeItem item(FeeBasis basis, FeeItem.Rate... rates) {
        return new FeeItem("ITEM", "Item", basis, Set.of(UnitUse.RESIDENTIAL), 10, List.of(rates));
    }

    private static Optional<Line> wholeMonth(FeeItem item, YearMonth period, String floorArea) {
        return FeeCalculator.line(item, period, decimal(floorArea), null, null, NO_READINGS);
    }

    @Test
    void anAreaBasedFeeForAWholeMonthIsAreaTimesRate() {
        FeeItem propertyFee = item(FeeBasis.AREA, rate("2026-01-01", "2.80"));

        assertThat(wholeMonth(propertyFee, DECEMBER, "111.00"))
                .contains(new Line(cny("310.80"), "111.00 m² × 2.80 × 31/31"));
    }

    /** 111.00 × (2.80 × 15 + 3.00 × 16) / 31 = 322.258… */
    @Test
    void aRateChangeWithinTheMonthIsProratedByDays() {
        FeeItem propertyFee = item(FeeBasis.AREA, rate("2026-01-01", "2.80"), rate("2026-12-16", "3.00"));

        assertThat(wholeMonth(propertyFee, DECEMBER, "111.00"))
                .contains(new Line(cny("322.26"), "111.00 m² × 2.80 × 15/31 + 111.00 m² × 3.00 × 16/31"));
    }

    /** 95.50 × 1.85 × 15/31 = 85.4879… and 95.50 × 2.05 × 16/31 = 101.0451…: 186.53 once, 186.54 by parts. */
    @Test
    void roundsTheLineOnceNotEachPartOfIt() {
        FeeItem propertyFee = item(FeeBasis.AREA, rate("2026-01-01", "1.85"), rate("2026-12-16", "2.05"));

        assertThat(wholeMonth(propertyFee, DECEMBER, "95.50").map(Line::amount)).contains(cny("186.53"));
    }

    /** 111.00 × 2.80 × 22/31 = 220.567… for 10 to 31 December. */
    @Test
    void aHoldingThatStartsWithinTheMonthPaysForItsDays() {
        FeeItem propertyFee = item(FeeBasis.AREA, rate("2026-01-01", "2.80"));

        assertThat(FeeCalculator.line(propertyFee, DECEMBER, decimal("111.00"), LocalDate.of(2026, 12, 10), null,
                NO_READINGS)).contains(new Line(cny("220.57"), "111.00 m² × 2.80 × 22/31"));
    }

    /** 111.00 × 2.80 × 20/31 = 200.516… for 1 to 20 December. */
    @Test
    void aHoldingThatEndsWithinTheMonthPaysForItsDays() {
        FeeItem propertyFee = item(FeeBasis.AREA, rate("2026-01-01", "2.80"));

        assertThat(FeeCalculator.line(propertyFee, DECEMBER, decimal("111.00"), null, LocalDate.of(2026, 12, 20),
                NO_READINGS).map(Line::amount)).contains(cny("200.52"));
    }

    @Test
    void aHoldingOutsideThePeriodPaysNothing() {
        FeeItem propertyFee = item(FeeBasis.AREA, rate("2026-01-01", "2.80"));

        assertThat(FeeCalculator.line(propertyFee, DECEMBER, decimal("111.00"), LocalDate.of(2027, 1, 1), null,
                NO_READINGS)).isEmpty();
    }

    @Test
    void aFixedFeeIsTheRateForAWholeMonth() {
        FeeItem parking = item(FeeBasis.FIXED, rate("2026-01-01", "150.00"));

        assertThat(wholeMonth(parking, DECEMBER, "12.50")).contains(new Line(cny("150.00"), "1 unit × 150.00 × 31/31"));
    }

    /** 100.25 × 15/30 = 50.125: HALF_EVEN gives 50.12 (HALF_UP would give 50.13); 100.75 gives 50.375 → 50.38. */
    @Test
    void roundsToTheFenHalfEven() {
        LocalDate sixteenthOfNovember = LocalDate.of(2026, 11, 16);

        assertThat(FeeCalculator.line(item(FeeBasis.FIXED, rate("2026-01-01", "100.25")), NOVEMBER, decimal("1"),
                sixteenthOfNovember, null, NO_READINGS).map(Line::amount)).contains(cny("50.12"));
        assertThat(FeeCalculator.line(item(FeeBasis.FIXED, rate("2026-01-01", "100.75")), NOVEMBER, decimal("1"),
                sixteenthOfNovember, null, NO_READINGS).map(Line::amount)).contains(cny("50.38"));
    }

    /** 15.5 m³ read on 5 December at 5.00, 10 m³ read on 20 December at 5.50; November's reading is not this bill's. */
    @Test
    void aMeteredFeePricesEachConsumptionAtTheRateOnItsReadingDay() {
        FeeItem water = item(FeeBasis.METERED, rate("2026-01-01", "5.00"), rate("2026-12-10", "5.50"));
        List<Consumption> readings = List.of(new Consumption(LocalDate.of(2026, 11, 30), decimal("9")),
                new Consumption(LocalDate.of(2026, 12, 5), decimal("15.5")),
                new Consumption(LocalDate.of(2026, 12, 20), decimal("10")));

        assertThat(FeeCalculator.line(water, DECEMBER, decimal("111.00"), null, null, readings))
                .contains(new Line(cny("132.50"), "15.5 × 5.00 + 10 × 5.50"));
    }

    /** Electricity at 0.5283 CNY/kWh: 230.5 × 0.5283 = 121.77315, priced at the exact rate, rounded once. */
    @Test
    void aMeteredRateWithFourDecimalsIsAppliedExactlyAndOnlyTheLineIsRounded() {
        FeeItem electricity = item(FeeBasis.METERED, rate("2026-01-01", "0.5283"));

        assertThat(FeeCalculator.line(electricity, DECEMBER, decimal("111.00"), null, null,
                List.of(new Consumption(LocalDate.of(2026, 12, 5), decimal("230.5")))))
                .contains(new Line(cny("121.77"), "230.5 × 0.5283"));
    }

    /**
     * 100 kWh × 0.5285 + 100 kWh × 0.5285 = 105.70 exactly; had the rate been rounded to the fen (0.53) the line
     * would be 106.00.
     */
    @Test
    void aFourDecimalRateIsNotRoundedToTheFenBeforeMultiplying() {
        FeeItem electricity = item(FeeBasis.METERED, rate("2026-01-01", "0.5285"));

        assertThat(FeeCalculator.line(electricity, DECEMBER, decimal("111.00"), null, null,
                List.of(new Consumption(LocalDate.of(2026, 12, 5), decimal("100")),
                        new Consumption(LocalDate.of(2026, 12, 20), decimal("100")))).map(Line::amount))
                .contains(cny("105.70"));
    }

    @Test
    void aMeteredFeeWithoutConsumptionIsNoLine() {
        FeeItem water = item(FeeBasis.METERED, rate("2026-01-01", "5.00"));

        assertThat(FeeCalculator.line(water, DECEMBER, decimal("111.00"), null, null,
                List.of(new Consumption(LocalDate.of(2026, 12, 5), decimal("0"))))).isEmpty();
    }

    @Test
    void nothingIsChargedForAMonthBeforeTheFirstRate() {
        FeeItem propertyFee = item(FeeBasis.AREA, rate("2026-12-16", "2.80"));

        assertThat(wholeMonth(propertyFee, NOVEMBER, "111.00")).isEmpty();
    }

    /** 111.00 × 2.80 × 16/31 = 160.412… for 16 to 31 December only. */
    @Test
    void onlyTheDaysFromTheFirstRateAreCharged() {
        FeeItem propertyFee = item(FeeBasis.AREA, rate("2026-12-16", "2.80"));

        assertThat(wholeMonth(propertyFee, DECEMBER, "111.00"))
                .contains(new Line(cny("160.41"), "111.00 m² × 2.80 × 16/31"));
    }

    @Test
    void aMeteredReadingBeforeTheFirstRateIsNotPriced() {
        FeeItem water = item(FeeBasis.METERED, rate("2026-12-10", "5.00"));

        assertThat(FeeCalculator.line(water, DECEMBER, decimal("111.00"), null, null,
                List.of(new Consumption(LocalDate.of(2026, 12, 5), decimal("15.5"))))).isEmpty();
    }
}
