package estate.domain.workorders;

import estate.domain.workorders.InspectionPlanCommands.CreateInspectionPlan;
import estate.domain.workorders.InspectionPlanCommands.IssueInspection;
import estate.domain.workorders.InspectionPlanCommands.RetireInspectionPlan;
import estate.domain.workorders.InspectionPlanEvent.InspectionIssued;
import estate.domain.workorders.InspectionPlanEvent.InspectionPlanCreated;
import estate.domain.workorders.InspectionPlanEvent.InspectionPlanRetired;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.WorkOrderExamples.CHECKLIST;
import static estate.domain.workorders.WorkOrderExamples.DEFAULT_TERMS_ESTATE;
import static estate.domain.workorders.WorkOrderExamples.ESTATE;
import static estate.domain.workorders.WorkOrderExamples.PLAN;
import static estate.domain.workorders.WorkOrderExamples.UNKNOWN_ESTATE;
import static estate.domain.workorders.WorkOrderExamples.lookup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionPlanTest {

    private static final String LIFT = "Building 1 lift A";
    /** Monthly from 31 January: due on the last day of shorter months, on the 31st again after. */
    private static final LocalDate FIRST_DUE = LocalDate.of(2027, 1, 31);
    private static final LocalDate SECOND_DUE = LocalDate.of(2027, 2, 28);
    private static final LocalDate THIRD_DUE = LocalDate.of(2027, 3, 31);
    /** 31 January 2027, 00:30 in Shanghai (16:30 UTC the day before). */
    private static final Instant FIRST_DUE_MORNING = Instant.parse("2027-01-30T16:30:00Z");
    private static final Instant LATER = Instant.parse("2027-03-01T02:00:00Z");

    private static final InspectionPlanCreated CREATED = new InspectionPlanCreated(PLAN, ESTATE, LIFT,
            Category.ELEVATOR, Frequency.MONTHLY, FIRST_DUE, CHECKLIST, Priority.NORMAL);

    private static AggregateTestFixture<InspectionPlan> fixture() {
        AggregateTestFixture<InspectionPlan> fixture = new AggregateTestFixture<>(InspectionPlan.class);
        fixture.registerInjectableResource(lookup());
        return fixture;
    }

    private static InspectionIssued issued(LocalDate due, LocalDate next, Instant at) {
        return new InspectionIssued(PLAN, ESTATE, due, InspectionPlan.roundOrderId(PLAN, due), LIFT, Category.ELEVATOR,
                Priority.NORMAL, CHECKLIST, next, at);
    }

    @Test
    void createsAPlanForAFacility() {
        fixture().givenNoPriorActivity()
                .when(new CreateInspectionPlan(PLAN, ESTATE, LIFT, Category.ELEVATOR, Frequency.MONTHLY, FIRST_DUE,
                        CHECKLIST, Priority.NORMAL))
                .expectEvents(CREATED);
    }

    @Test
    void rejectsAPlanOfAnUnknownEstate() {
        fixture().givenNoPriorActivity()
                .when(new CreateInspectionPlan(PLAN, UNKNOWN_ESTATE, LIFT, Category.ELEVATOR, Frequency.MONTHLY,
                        FIRST_DUE, CHECKLIST, Priority.NORMAL))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-estate"));
    }

    @Test
    void rejectsAChecklistNamingAnItemTwice() {
        fixture().givenNoPriorActivity()
                .when(new CreateInspectionPlan(PLAN, ESTATE, LIFT, Category.ELEVATOR, Frequency.MONTHLY, FIRST_DUE,
                        List.of("Brakes", "Brakes"), Priority.NORMAL))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "duplicate-check-item"));
    }

    @Test
    void issuesTheFirstRoundOnItsDueDateInTheEstatesZone() {
        fixture().given(CREATED)
                .when(new IssueInspection(PLAN, FIRST_DUE, FIRST_DUE_MORNING))
                .expectEvents(issued(FIRST_DUE, SECOND_DUE, FIRST_DUE_MORNING));
    }

    @Test
    void issuesTheNextRoundsCountedFromTheFirstDueDate() {
        fixture().given(CREATED, issued(FIRST_DUE, SECOND_DUE, FIRST_DUE_MORNING))
                .when(new IssueInspection(PLAN, SECOND_DUE, LATER))
                .expectEvents(issued(SECOND_DUE, THIRD_DUE, LATER));
    }

    @Test
    void rejectsIssuingARoundTwice() {
        fixture().given(CREATED, issued(FIRST_DUE, SECOND_DUE, FIRST_DUE_MORNING))
                .when(new IssueInspection(PLAN, FIRST_DUE, LATER))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "inspection-already-issued"));
    }

    @Test
    void rejectsSkippingARound() {
        fixture().given(CREATED)
                .when(new IssueInspection(PLAN, SECOND_DUE, LATER))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "not-next-due-date"));
    }

    @Test
    void rejectsARoundBeforeItsDueDateHasComeInTheEstatesZone() {
        fixture().given(CREATED)
                .when(new IssueInspection(PLAN, FIRST_DUE, FIRST_DUE_MORNING.minusSeconds(3600)))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "inspection-not-due"));
    }

    @Test
    void retiresAPlan() {
        Instant at = Instant.parse("2027-02-01T00:00:00Z");
        fixture().given(CREATED)
                .when(new RetireInspectionPlan(PLAN, ESTATE, "Lift replaced", at))
                .expectEvents(new InspectionPlanRetired(PLAN, ESTATE, "Lift replaced", at));
    }

    @Test
    void rejectsRetiringThePlanOfAnotherEstate() {
        fixture().given(CREATED)
                .when(new RetireInspectionPlan(PLAN, DEFAULT_TERMS_ESTATE, "Not mine", LATER))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "plan-not-found"));
    }

    @Test
    void aRetiredPlanIssuesNothingAndIsNotRetiredTwice() {
        InspectionPlanRetired retired = new InspectionPlanRetired(PLAN, ESTATE, "Lift replaced", FIRST_DUE_MORNING);
        fixture().given(CREATED, retired)
                .when(new IssueInspection(PLAN, FIRST_DUE, LATER))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "plan-retired"));
        fixture().given(CREATED, retired)
                .when(new RetireInspectionPlan(PLAN, ESTATE, "Again", LATER))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "plan-retired"));
    }

    @Test
    void roundIdsDeriveFromPlanAndDateAndPlanIdsAreShortEnoughForThem() {
        assertThat(InspectionPlan.roundOrderId(PLAN, FIRST_DUE)).isEqualTo(WorkOrderId.of("P-LIFT-A:20270131"));
        assertThatThrownBy(() -> new CreateInspectionPlan(InspectionPlanId.of("p".repeat(41)), ESTATE, LIFT,
                Category.ELEVATOR, Frequency.MONTHLY, FIRST_DUE, CHECKLIST, Priority.NORMAL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
