package estate.domain.workorders;

import estate.domain.workorders.WorkOrderCommands.OpenInspectionOrder;
import estate.domain.workorders.WorkOrderCommands.ReportWorkOrder;
import estate.domain.workorders.WorkOrderEvent.InspectionOrderOpened;
import estate.domain.workorders.WorkOrderEvent.WorkOrderEscalated;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReported;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.InMemoryMaintenanceLookup.CNY;
import static estate.domain.workorders.InMemoryMaintenanceLookup.SHANGHAI;
import static estate.domain.workorders.WorkOrderExamples.ACCOUNT;
import static estate.domain.workorders.WorkOrderExamples.AT_FLAT;
import static estate.domain.workorders.WorkOrderExamples.CHECKLIST;
import static estate.domain.workorders.WorkOrderExamples.DEFAULT_TERMS_ESTATE;
import static estate.domain.workorders.WorkOrderExamples.DESCRIPTION;
import static estate.domain.workorders.WorkOrderExamples.ESTATE;
import static estate.domain.workorders.WorkOrderExamples.FLAT_IN_E2;
import static estate.domain.workorders.WorkOrderExamples.LIFT;
import static estate.domain.workorders.WorkOrderExamples.ORDER;
import static estate.domain.workorders.WorkOrderExamples.OWNER;
import static estate.domain.workorders.WorkOrderExamples.PLAN;
import static estate.domain.workorders.WorkOrderExamples.PLAN_DUE;
import static estate.domain.workorders.WorkOrderExamples.REPORTED_AT;
import static estate.domain.workorders.WorkOrderExamples.UNKNOWN_ESTATE;
import static estate.domain.workorders.WorkOrderExamples.UNREGISTERED_UNIT;
import static estate.domain.workorders.WorkOrderExamples.fixture;
import static estate.domain.workorders.WorkOrderExamples.inspectionOpened;
import static estate.domain.workorders.WorkOrderExamples.reported;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWorkOrderTest {

    private static ReportWorkOrder ownerReport(Location location) {
        return new ReportWorkOrder(ORDER, ESTATE, ReportSource.OWNER_APP, location, Category.WATER_SUPPLY, DESCRIPTION,
                List.of("photos/wo-1/leak.jpg"), ACCOUNT, OWNER, null, REPORTED_AT);
    }

    @Test
    void anOwnerReportsARepairOfTheirUnitInTheEstatesCurrencyAndZone() {
        fixture().givenNoPriorActivity()
                .when(ownerReport(AT_FLAT))
                .expectEvents(reported());
    }

    @Test
    void staffReportAFaultOfASharedFacilityWithoutAnAccount() {
        fixture().givenNoPriorActivity()
                .when(new ReportWorkOrder(ORDER, ESTATE, ReportSource.STAFF, LIFT, Category.ELEVATOR,
                        "Lift A stops between floors", List.of(), null, "cs", null, REPORTED_AT))
                .expectEvents(new WorkOrderReported(ORDER, ESTATE, ReportSource.STAFF, LIFT, Category.ELEVATOR,
                        "Lift A stops between floors", List.of(), null, "cs", null, CNY, SHANGHAI, REPORTED_AT));
    }

    @Test
    void rejectsAnEstateThatIsNotRegistered() {
        fixture().givenNoPriorActivity()
                .when(new ReportWorkOrder(ORDER, UNKNOWN_ESTATE, ReportSource.STAFF, LIFT, Category.ELEVATOR,
                        "Lift A stops", List.of(), null, "cs", null, REPORTED_AT))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-estate"));
    }

    @Test
    void rejectsAUnitThatIsNotRegistered() {
        fixture().givenNoPriorActivity()
                .when(ownerReport(Location.unit(UNREGISTERED_UNIT)))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-unit"));
    }

    @Test
    void rejectsAUnitOfAnotherEstate() {
        fixture().givenNoPriorActivity()
                .when(ownerReport(Location.unit(FLAT_IN_E2)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "unit-of-other-estate"));
    }

    @Test
    void aReportHasTheShapeItsSourceNeeds() {
        assertThatThrownBy(() -> new ReportWorkOrder(ORDER, ESTATE, ReportSource.OWNER_APP, AT_FLAT,
                Category.WATER_SUPPLY, DESCRIPTION, List.of(), null, OWNER, null, REPORTED_AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportWorkOrder(ORDER, ESTATE, ReportSource.INSPECTION, LIFT,
                Category.ELEVATOR, DESCRIPTION, List.of(), null, "maint", null, REPORTED_AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportWorkOrder(ORDER, ESTATE, ReportSource.STAFF, LIFT, Category.ELEVATOR,
                DESCRIPTION, List.of("has space"), null, "cs", null, REPORTED_AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Location(null, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opensAnInspectionRoundTriagedWithDeadlinesFromTheEstatesTerms() {
        fixture().givenNoPriorActivity()
                .when(new OpenInspectionOrder(ORDER, ESTATE, PLAN, PLAN_DUE, LIFT, Category.ELEVATOR,
                        Priority.NORMAL, CHECKLIST, REPORTED_AT))
                .expectEvents(inspectionOpened());
    }

    @Test
    void anEmergencyInspectionRoundIsEscalatedAtOnce() {
        ServiceLevel defaults = ServiceTerms.DEFAULT.levelFor(Priority.EMERGENCY);
        fixture().givenNoPriorActivity()
                .when(new OpenInspectionOrder(ORDER, DEFAULT_TERMS_ESTATE, PLAN, PLAN_DUE, LIFT,
                        Category.FIRE_SAFETY, Priority.EMERGENCY, CHECKLIST, REPORTED_AT))
                .expectEvents(
                        new InspectionOrderOpened(ORDER, DEFAULT_TERMS_ESTATE, PLAN, PLAN_DUE, LIFT,
                                Category.FIRE_SAFETY, Priority.EMERGENCY, CHECKLIST, defaults,
                                REPORTED_AT.plus(Duration.ofMinutes(30)), REPORTED_AT.plus(Duration.ofHours(4)), CNY,
                                SHANGHAI, REPORTED_AT),
                        new WorkOrderEscalated(ORDER, DEFAULT_TERMS_ESTATE, 1, EscalationReason.EMERGENCY,
                                Priority.EMERGENCY, null, REPORTED_AT));
    }

    @Test
    void rejectsAnInspectionRoundOfAnUnknownEstate() {
        fixture().givenNoPriorActivity()
                .when(new OpenInspectionOrder(ORDER, UNKNOWN_ESTATE, PLAN, PLAN_DUE, LIFT, Category.ELEVATOR,
                        Priority.NORMAL, CHECKLIST, REPORTED_AT))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-estate"));
    }
}
