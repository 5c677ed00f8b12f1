package estate.domain.workorders;

import estate.domain.shared.Deadlines;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static estate.domain.workorders.WorkOrderExamples.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic of SLA deadlines, repair costs, repair billing and inspection due dates. */
class WorkOrderPoliciesTest {

    private static final Instant REPORTED = Instant.parse("2026-11-28T02:00:00.123456Z");

    @Test
    void aDeadlineIsTheTargetAfterTheStartRoundedUpToTheSecond() {
        assertThat(Deadlines.due(REPORTED, 30)).isEqualTo(Instant.parse("2026-11-28T02:30:01Z"));
        assertThat(Deadlines.due(Instant.parse("2026-11-28T02:00:00Z"), 30))
                .isEqualTo(Instant.parse("2026-11-28T02:30:00Z"));
    }

    @Test
    void aPauseMovesTheDeadlineByItsLengthAndAResumeBeforeTheHoldMovesNothing() {
        Instant due = Instant.parse("2026-11-29T02:00:00Z");
        Instant held = Instant.parse("2026-11-28T05:00:00Z");
        assertThat(SlaDeadlines.extendedByPause(due, held, held.plus(Duration.ofMinutes(90))))
                .isEqualTo(Instant.parse("2026-11-29T03:30:00Z"));
        assertThat(SlaDeadlines.extendedByPause(due, held, held.minusSeconds(5))).isEqualTo(due);
    }

    @Test
    void onTheDeadlineIsInTimeAndAfterItIsLate() {
        Instant due = Instant.parse("2026-11-29T02:00:00Z");
        assertThat(Deadlines.isLate(due, due)).isFalse();
        assertThat(Deadlines.isLate(due.plusNanos(1), due)).isTrue();
    }

    @Property
    void aDeadlineIsNeverBeforeItsTargetNorASecondAfterIt(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long seconds,
                                                          @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                          @ForAll @IntRange(min = 1, max = 527_040) int minutes) {
        Instant start = Instant.ofEpochSecond(seconds, nanos);
        Instant exact = start.plus(Duration.ofMinutes(minutes));
        Instant due = Deadlines.due(start, minutes);
        assertThat(due).isAfterOrEqualTo(exact).isBefore(exact.plusSeconds(1));
        assertThat(due.getNano()).isZero();
    }

    @Property
    void aPausedDeadlineMovesByExactlyThePauseInWholeSeconds(@ForAll @LongRange(min = 0, max = 10_000_000) long held,
                                                            @ForAll @LongRange(min = 0, max = 10_000_000) long paused) {
        Instant due = Instant.ofEpochSecond(2_000_000_000L);
        Instant heldAt = Instant.ofEpochSecond(1_900_000_000L + held);
        assertThat(SlaDeadlines.extendedByPause(due, heldAt, heldAt.plusSeconds(paused)))
                .isEqualTo(due.plusSeconds(paused));
    }

    @Test
    void materialsCostIsTheSumOfLinesEachRoundedHalfEven() {
        List<Material> materials = List.of(new Material("Washer", new BigDecimal("0.5"), cny("0.25")),
                new Material("Washer", new BigDecimal("0.5"), cny("0.35")),
                new Material("Pipe", new BigDecimal("2.5"), cny("12.00")));
        assertThat(RepairCosts.lineCost(materials.get(0))).isEqualTo(cny("0.12"));
        assertThat(RepairCosts.lineCost(materials.get(1))).isEqualTo(cny("0.18"));
        assertThat(RepairCosts.materialsCost(materials, InMemoryMaintenanceLookup.CNY)).isEqualTo(cny("30.30"));
        assertThat(RepairCosts.materialsCost(List.of(), InMemoryMaintenanceLookup.CNY)).isEqualTo(cny("0.00"));
    }

    @Test
    void aNegativeUnitCostIsRefused() {
        assertThatThrownBy(() -> RepairCosts.materialsCost(
                List.of(new Material("Refund", BigDecimal.ONE, cny("-1.00"))), InMemoryMaintenanceLookup.CNY))
                .isInstanceOf(estate.domain.shared.DomainRuleViolation.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void aMaterialHasAPositiveQuantityOfAtMostThreeDecimalsInOneForm() {
        assertThat(new Material("Cable", new BigDecimal("2.500"), cny("1")))
                .isEqualTo(new Material("Cable", new BigDecimal("2.5"), cny("1.00")));
        assertThat(new Material("Tiles", new BigDecimal("100"), cny("1")).quantity()).isEqualTo(new BigDecimal("100"));
        assertThatThrownBy(() -> new Material("Cable", new BigDecimal("0"), cny("1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Material("Cable", new BigDecimal("1.0001"), cny("1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRepairIsBilledOnceInTheMonthOfCompletionInTheEstatesZoneDueThirtyDaysLater() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        Instant lateOnTheLastDayInUtcButNextMonthInShanghai = Instant.parse("2026-11-30T17:00:00Z");
        assertThat(RepairBilling.period(lateOnTheLastDayInUtcButNextMonthInShanghai, shanghai))
                .hasToString("2026-12");
        assertThat(RepairBilling.dueDate(lateOnTheLastDayInUtcButNextMonthInShanghai, shanghai))
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(RepairBilling.chargeIdFor(WorkOrderId.of("WO-1")).value()).isEqualTo("repair:WO-1");
    }

    @Test
    void aChargeDescriptionNamesTheOrderAndFitsALedgerLine() {
        WorkOrderId order = WorkOrderId.of("WO-1");
        assertThat(RepairBilling.description(order, Category.HEATING, Location.facility("Boiler room"), "Cold"))
                .isEqualTo("Repair WO-1 (HEATING, Boiler room): Cold");
        String longest = RepairBilling.description(WorkOrderId.of("w".repeat(128)), Category.SECURITY_MONITORING,
                Location.facility("f".repeat(200)), "d".repeat(2000));
        assertThat(longest).hasSize(RepairBilling.MAX_DESCRIPTION).endsWith("…");
    }

    @Test
    void dueDatesCountFromTheFirstSoMonthEndsDoNotDrift() {
        LocalDate first = LocalDate.of(2027, 1, 31);
        assertThat(Frequency.MONTHLY.dueDate(first, 1)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(Frequency.MONTHLY.dueDate(first, 2)).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(Frequency.QUARTERLY.dueDate(first, 1)).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(Frequency.HALF_YEARLY.dueDate(first, 1)).isEqualTo(LocalDate.of(2027, 7, 31));
        assertThat(Frequency.YEARLY.dueDate(first, 1)).isEqualTo(LocalDate.of(2028, 1, 31));
        assertThat(Frequency.WEEKLY.dueDate(first, 2)).isEqualTo(LocalDate.of(2027, 2, 14));
        assertThat(Frequency.MONTHLY.dueDate(first, 0)).isEqualTo(first);
    }

    @Property
    void dueDatesOfAPlanStrictlyIncrease(@ForAll Frequency frequency, @ForAll @IntRange(min = 0, max = 500) int n,
                                         @ForAll @IntRange(min = 0, max = 3650) int dayOffset) {
        LocalDate first = LocalDate.of(2020, 1, 1).plusDays(dayOffset);
        assertThat(frequency.dueDate(first, n + 1)).isAfter(frequency.dueDate(first, n));
    }

    @Test
    void aReopenIsAllowedUpToTheEndOfTheWindow() {
        ServiceLevel level = new ServiceLevel(60, 240, false, 7);
        Instant completed = Instant.parse("2026-11-28T08:00:00Z");
        assertThat(level.allowsReopen(completed, completed.plus(Duration.ofDays(7)))).isTrue();
        assertThat(level.allowsReopen(completed, completed.plus(Duration.ofDays(7)).plusSeconds(1))).isFalse();
        assertThat(new ServiceLevel(60, 240, false, 0).allowsReopen(completed, completed.plusSeconds(1))).isFalse();
    }
}
