package estate.domain.billing;

import estate.domain.billing.FeeScheduleCommands.SetCollectionPolicy;
import estate.domain.billing.FeeScheduleEvent.CollectionPolicySet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static estate.domain.billing.BillingExamples.ESTATE;
import static estate.domain.billing.BillingExamples.OTHER_ESTATE;
import static estate.domain.billing.BillingExamples.SCHEDULE;
import static estate.domain.billing.BillingExamples.defaultPolicySet;
import static estate.domain.billing.BillingExamples.propertyFeeDefined;
import static estate.domain.billing.BillingExamples.scheduleFixture;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** When bills fall due and how late fees accrue: the schedule's collection policy. */
class SetCollectionPolicyTest {

    private static final CollectionPolicy TWENTIETH_WITH_FIVE_GRACE_DAYS = new CollectionPolicy(20, 5,
            new BigDecimal("0.0003"), new BigDecimal("0.3"));

    @Test
    void replacesThePolicyOfASchedule() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined())
                .when(new SetCollectionPolicy(SCHEDULE, ESTATE, TWENTIETH_WITH_FIVE_GRACE_DAYS))
                .expectEvents(new CollectionPolicySet(SCHEDULE, ESTATE, TWENTIETH_WITH_FIVE_GRACE_DAYS))
                .expectState(schedule -> assertThat(schedule.terms().policy()).isEqualTo(TWENTIETH_WITH_FIVE_GRACE_DAYS));
    }

    @Test
    void createsTheScheduleWhenItIsItsFirstCommand() {
        scheduleFixture().givenNoPriorActivity()
                .when(new SetCollectionPolicy(SCHEDULE, ESTATE, TWENTIETH_WITH_FIVE_GRACE_DAYS))
                .expectEvents(new CollectionPolicySet(SCHEDULE, ESTATE, TWENTIETH_WITH_FIVE_GRACE_DAYS));
    }

    @Test
    void rejectsAScheduleIdThatIsNotTheEstates() {
        scheduleFixture().givenNoPriorActivity()
                .when(new SetCollectionPolicy(FeeScheduleId.of(OTHER_ESTATE), ESTATE, TWENTIETH_WITH_FIVE_GRACE_DAYS))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "schedule-of-other-estate"));
    }

    @Test
    void theDefaultIsDueOnTheFifteenthWithHalfAPerMilleADayCappedAtThePrincipal() {
        assertThat(CollectionPolicy.DEFAULT).isEqualTo(new CollectionPolicy(15, 0, new BigDecimal("0.0005"),
                BigDecimal.ONE));
    }

    @Test
    void aPolicyIsDueOnADayEveryMonthHas() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CollectionPolicy(29, 0, BigDecimal.ZERO,
                BigDecimal.ONE));
        assertThatIllegalArgumentException().isThrownBy(() -> new CollectionPolicy(0, 0, BigDecimal.ZERO,
                BigDecimal.ONE));
    }

    @Test
    void aPolicyChargesAtMostOnePercentADayAndAtMostThePrincipal() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CollectionPolicy(15, 0, new BigDecimal("0.0101"),
                BigDecimal.ONE));
        assertThatIllegalArgumentException().isThrownBy(() -> new CollectionPolicy(15, 0, new BigDecimal("0.0005"),
                new BigDecimal("1.01")));
        assertThatIllegalArgumentException().isThrownBy(() -> new CollectionPolicy(15, -1, new BigDecimal("0.0005"),
                BigDecimal.ONE));
    }
}
