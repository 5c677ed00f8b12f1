package estate.domain.billing;

import estate.domain.billing.MeterCommands.RecordMeterReading;
import estate.domain.owners.UnitRegistry;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static estate.domain.billing.BillingExamples.ESTATE;
import static estate.domain.billing.BillingExamples.FLAT;
import static estate.domain.billing.BillingExamples.OTHER_ESTATE;
import static estate.domain.billing.BillingExamples.WATER;
import static estate.domain.billing.BillingExamples.decimal;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A unit's water meter: the first reading is the baseline; the bill prices reading − previous reading. */
class RecordMeterReadingTest {

    private static final MeterId METER = MeterId.of(FLAT, WATER);
    private static final LocalDate NOVEMBER_END = LocalDate.of(2026, 11, 30);
    private static final LocalDate DECEMBER_END = LocalDate.of(2026, 12, 31);

    private static AggregateTestFixture<Meter> fixture() {
        return fixture(BillingExamples.registry());
    }

    private static AggregateTestFixture<Meter> fixture(UnitRegistry registry) {
        AggregateTestFixture<Meter> fixture = new AggregateTestFixture<>(Meter.class);
        fixture.registerInjectableResource(registry);
        return fixture;
    }

    private static RecordMeterReading read(String reading, LocalDate on) {
        return new RecordMeterReading(METER, ESTATE, FLAT, WATER, decimal(reading), on, false);
    }

    private static RecordMeterReading readNewMeter(String reading, LocalDate on) {
        return new RecordMeterReading(METER, ESTATE, FLAT, WATER, decimal(reading), on, true);
    }

    private static MeterReadingRecorded recorded(String reading, String previous, String consumption, LocalDate on,
                                                 boolean replacement) {
        return new MeterReadingRecorded(METER, ESTATE, FLAT, WATER, decimal(reading), decimal(previous),
                decimal(consumption), on, replacement);
    }

    @Test
    void theFirstReadingIsTheBaselineAndConsumesNothing() {
        fixture().givenNoPriorActivity()
                .when(read("1234.5", NOVEMBER_END))
                .expectEvents(new MeterReadingRecorded(METER, ESTATE, FLAT, WATER, decimal("1234.5"), null,
                        BigDecimal.ZERO, NOVEMBER_END, false));
    }

    @Test
    void theReadingAfterTheBaselineConsumesTheDifference() {
        fixture().given(new MeterReadingRecorded(METER, ESTATE, FLAT, WATER, decimal("1234.5"), null,
                        BigDecimal.ZERO, NOVEMBER_END, false))
                .when(read("1250.0", DECEMBER_END))
                .expectEvents(recorded("1250.0", "1234.5", "15.5", DECEMBER_END, false));
    }

    @Test
    void theConsumptionIsTheReadingLessThePreviousOne() {
        fixture().given(recorded("100.000", "88.000", "12.000", NOVEMBER_END, false))
                .when(read("112.250", DECEMBER_END))
                .expectEvents(recorded("112.250", "100.000", "12.250", DECEMBER_END, false));
    }

    @Test
    void anUnchangedReadingConsumesNothing() {
        fixture().given(recorded("100.000", "88.000", "12.000", NOVEMBER_END, false))
                .when(read("100.000", DECEMBER_END))
                .expectEvents(recorded("100.000", "100.000", "0.000", DECEMBER_END, false));
    }

    @Test
    void rejectsAReadingBelowThePreviousOne() {
        fixture().given(recorded("100.000", "88.000", "12.000", NOVEMBER_END, false))
                .when(read("99.999", DECEMBER_END))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "reading-below-previous"));
    }

    @Test
    void aReplacedMeterCountsFromZero() {
        fixture().given(recorded("100.000", "88.000", "12.000", NOVEMBER_END, false))
                .when(readNewMeter("3.500", DECEMBER_END))
                .expectEvents(recorded("3.500", "100.000", "3.500", DECEMBER_END, true));
    }

    @Test
    void rejectsAReadingTakenBeforeTheLastOne() {
        fixture().given(recorded("100.000", "88.000", "12.000", DECEMBER_END, false))
                .when(read("120.000", NOVEMBER_END))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "reading-out-of-order"));
    }

    @Test
    void rejectsANegativeReading() {
        fixture().givenNoPriorActivity()
                .when(read("-1", NOVEMBER_END))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-reading"));
    }

    @Test
    void rejectsAReadingWithMoreThanThreeDecimals() {
        fixture().givenNoPriorActivity()
                .when(read("12.0001", NOVEMBER_END))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-reading"));
    }

    @Test
    void rejectsAUnitThatIsNotRegistered() {
        fixture(BillingExamples.registryOf(Map.of(ESTATE, BillingExamples.CNY))).givenNoPriorActivity()
                .when(read("12.5", NOVEMBER_END))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-unit"));
    }

    @Test
    void rejectsAUnitOfAnotherEstate() {
        fixture(BillingExamples.registryOf(Map.of(ESTATE, BillingExamples.CNY, OTHER_ESTATE, BillingExamples.CNY),
                        Map.of(FLAT, OTHER_ESTATE))).givenNoPriorActivity()
                .when(read("12.5", NOVEMBER_END))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-unit"));
    }

    @Test
    void aReadingNamesTheMeterOfItsUnitAndItem() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RecordMeterReading(MeterId.of(FLAT, "ELECTRICITY"),
                ESTATE, FLAT, WATER, decimal("1"), NOVEMBER_END, false));
    }
}
