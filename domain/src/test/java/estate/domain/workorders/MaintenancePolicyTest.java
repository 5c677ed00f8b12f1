package estate.domain.workorders;

import estate.domain.shared.Money;
import estate.domain.workorders.MaintenancePolicyCommands.SetMaintenanceBudget;
import estate.domain.workorders.MaintenancePolicyCommands.SetServiceTerms;
import estate.domain.workorders.MaintenancePolicyEvent.MaintenanceBudgetSet;
import estate.domain.workorders.MaintenancePolicyEvent.ServiceTermsSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.WorkOrderExamples.E1_TERMS;
import static estate.domain.workorders.WorkOrderExamples.ESTATE;
import static estate.domain.workorders.WorkOrderExamples.UNKNOWN_ESTATE;
import static estate.domain.workorders.WorkOrderExamples.cny;
import static estate.domain.workorders.WorkOrderExamples.lookup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaintenancePolicyTest {

    private static AggregateTestFixture<MaintenancePolicy> fixture() {
        AggregateTestFixture<MaintenancePolicy> fixture = new AggregateTestFixture<>(MaintenancePolicy.class);
        fixture.registerInjectableResource(lookup());
        return fixture;
    }

    private static ServiceTerms terms(int emergencyResponse, int emergencyResolution, int urgentResolution,
                                      int reopenDays) {
        return new ServiceTerms(List.of(
                new SlaTarget(Priority.EMERGENCY, emergencyResponse, emergencyResolution),
                new SlaTarget(Priority.URGENT, 60, urgentResolution),
                new SlaTarget(Priority.NORMAL, 240, 1440),
                new SlaTarget(Priority.LOW, 1440, 4320)), true, reopenDays);
    }

    @Test
    void theFirstTermsAnEstateSetsCreateItsPolicy() {
        fixture().givenNoPriorActivity()
                .when(new SetServiceTerms(ESTATE, E1_TERMS))
                .expectEvents(new ServiceTermsSet(ESTATE, E1_TERMS));
    }

    @Test
    void changesTheTerms() {
        ServiceTerms faster = terms(15, 120, 480, 14);
        fixture().given(new ServiceTermsSet(ESTATE, E1_TERMS))
                .when(new SetServiceTerms(ESTATE, faster))
                .expectEvents(new ServiceTermsSet(ESTATE, faster));
    }

    @Test
    void rejectsTheSameTermsAgain() {
        fixture().given(new ServiceTermsSet(ESTATE, E1_TERMS))
                .when(new SetServiceTerms(ESTATE, E1_TERMS))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "terms-unchanged"));
    }

    @Test
    void rejectsAResponseTargetLongerThanItsResolutionTarget() {
        fixture().givenNoPriorActivity()
                .when(new SetServiceTerms(ESTATE, terms(300, 240, 480, 7)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-sla-target"));
    }

    @Test
    void rejectsAnUrgentOrderGivenLessTimeThanAnEmergency() {
        fixture().givenNoPriorActivity()
                .when(new SetServiceTerms(ESTATE, terms(30, 240, 200, 7)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-sla-target"));
    }

    @Test
    void rejectsAZeroTarget() {
        fixture().givenNoPriorActivity()
                .when(new SetServiceTerms(ESTATE, terms(0, 240, 480, 7)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-sla-target"));
    }

    @Test
    void rejectsAReopenWindowOverNinetyDays() {
        fixture().givenNoPriorActivity()
                .when(new SetServiceTerms(ESTATE, terms(30, 240, 480, 91)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-reopen-window"));
    }

    @Test
    void rejectsAnEstateThatIsNotRegistered() {
        fixture().givenNoPriorActivity()
                .when(new SetServiceTerms(UNKNOWN_ESTATE, E1_TERMS))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-estate"));
    }

    @Test
    void setsAYearsMaintenanceBudget() {
        fixture().given(new ServiceTermsSet(ESTATE, E1_TERMS))
                .when(new SetMaintenanceBudget(ESTATE, 2026, cny("120000")))
                .expectEvents(new MaintenanceBudgetSet(ESTATE, 2026, cny("120000.00")));
    }

    @Test
    void theFirstBudgetAlsoCreatesThePolicy() {
        fixture().givenNoPriorActivity()
                .when(new SetMaintenanceBudget(ESTATE, 2026, cny("120000")))
                .expectEvents(new MaintenanceBudgetSet(ESTATE, 2026, cny("120000.00")));
    }

    @Test
    void rejectsTheSameBudgetAgain() {
        fixture().given(new MaintenanceBudgetSet(ESTATE, 2026, cny("120000.00")))
                .when(new SetMaintenanceBudget(ESTATE, 2026, cny("120000")))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "budget-unchanged"));
    }

    @Test
    void rejectsABudgetInAnotherCurrency() {
        fixture().givenNoPriorActivity()
                .when(new SetMaintenanceBudget(ESTATE, 2026, Money.of("1000.00", "USD")))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "currency-mismatch"));
    }

    @Test
    void rejectsAZeroBudget() {
        fixture().givenNoPriorActivity()
                .when(new SetMaintenanceBudget(ESTATE, 2026, cny("0")))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "non-positive-amount"));
    }

    @Test
    void termsNameEachPriorityOnceAndAreKeptInPriorityOrder() {
        ServiceTerms shuffled = new ServiceTerms(List.of(E1_TERMS.target(Priority.LOW),
                E1_TERMS.target(Priority.EMERGENCY), E1_TERMS.target(Priority.NORMAL), E1_TERMS.target(Priority.URGENT)),
                true, 7);
        assertThat(shuffled).isEqualTo(E1_TERMS);
        assertThat(shuffled.levelFor(Priority.URGENT)).isEqualTo(new ServiceLevel(60, 480, true, 7));
        assertThatThrownBy(() -> new ServiceTerms(List.of(E1_TERMS.target(Priority.LOW)), true, 7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceTerms(List.of(E1_TERMS.target(Priority.LOW), E1_TERMS.target(Priority.LOW),
                E1_TERMS.target(Priority.NORMAL), E1_TERMS.target(Priority.URGENT)), true, 7))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultTermsAreSensible() {
        ServiceTermsRules.requireSensible(ServiceTerms.DEFAULT);
        assertThat(ServiceTerms.DEFAULT.target(Priority.EMERGENCY)).isEqualTo(new SlaTarget(Priority.EMERGENCY, 30, 240));
        assertThat(ServiceTerms.DEFAULT.holdPausesClock()).isFalse();
    }
}
