package estate.domain.workorders;

import estate.domain.workorders.WorkOrderCommands.AssignWorkOrder;
import estate.domain.workorders.WorkOrderCommands.ReassignWorkOrder;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAssigned;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReassigned;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.WorkOrderExamples.ASSIGNED_AT;
import static estate.domain.workorders.WorkOrderExamples.ESTATE;
import static estate.domain.workorders.WorkOrderExamples.HELD_AT;
import static estate.domain.workorders.WorkOrderExamples.LI;
import static estate.domain.workorders.WorkOrderExamples.LIFT_SUPPLIER;
import static estate.domain.workorders.WorkOrderExamples.ORDER;
import static estate.domain.workorders.WorkOrderExamples.RESOLUTION_DUE;
import static estate.domain.workorders.WorkOrderExamples.WANG;
import static estate.domain.workorders.WorkOrderExamples.accepted;
import static estate.domain.workorders.WorkOrderExamples.assigned;
import static estate.domain.workorders.WorkOrderExamples.completedFree;
import static estate.domain.workorders.WorkOrderExamples.fixture;
import static estate.domain.workorders.WorkOrderExamples.inProgress;
import static estate.domain.workorders.WorkOrderExamples.onHold;
import static estate.domain.workorders.WorkOrderExamples.reported;
import static estate.domain.workorders.WorkOrderExamples.triaged;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignWorkOrderTest {

    private static final Instant REASSIGNED_AT = HELD_AT.plus(Duration.ofHours(3));

    @Test
    void dispatchesATriagedOrderToAMaintenanceStaffMember() {
        fixture().given(reported(), triaged(false))
                .when(new AssignWorkOrder(ORDER, WANG, ASSIGNED_AT))
                .expectEvents(new WorkOrderAssigned(ORDER, ESTATE, WANG, ASSIGNED_AT));
    }

    @Test
    void dispatchesATriagedOrderToASupplierUnderContract() {
        fixture().given(reported(), triaged(false))
                .when(new AssignWorkOrder(ORDER, LIFT_SUPPLIER, ASSIGNED_AT))
                .expectEvents(new WorkOrderAssigned(ORDER, ESTATE, LIFT_SUPPLIER, ASSIGNED_AT));
    }

    @Test
    void rejectsDispatchBeforeTriage() {
        fixture().given(reported())
                .when(new AssignWorkOrder(ORDER, WANG, ASSIGNED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void rejectsASecondDispatchWhichIsAReassignment() {
        fixture().given(reported(), triaged(false), assigned())
                .when(new AssignWorkOrder(ORDER, LI, ASSIGNED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void reassignsAnAcceptedOrderWhoseNewAssigneeMustAcceptIt() {
        fixture().given(reported(), triaged(false), assigned(), accepted())
                .when(new ReassignWorkOrder(ORDER, LI, "Wang is on leave", REASSIGNED_AT))
                .expectEvents(new WorkOrderReassigned(ORDER, ESTATE, WANG, LI, "Wang is on leave", RESOLUTION_DUE,
                        REASSIGNED_AT));
    }

    @Test
    void reassigningWorkOnAPausedHoldRestartsTheClockWithTheDeadlineMovedByThePause() {
        fixture().given(inProgress()).andGiven(onHold(true))
                .when(new ReassignWorkOrder(ORDER, LIFT_SUPPLIER, "Needs the valve supplier", REASSIGNED_AT))
                .expectEvents(new WorkOrderReassigned(ORDER, ESTATE, WANG, LIFT_SUPPLIER, "Needs the valve supplier",
                        RESOLUTION_DUE.plus(Duration.ofHours(3)), REASSIGNED_AT));
    }

    @Test
    void rejectsReassigningToTheSameAssignee() {
        fixture().given(reported(), triaged(false), assigned())
                .when(new ReassignWorkOrder(ORDER, WANG, "Again", REASSIGNED_AT))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "same-assignee"));
    }

    @Test
    void rejectsReassigningACompletedOrder() {
        fixture().given(inProgress()).andGiven(completedFree())
                .when(new ReassignWorkOrder(ORDER, LI, "Too late", REASSIGNED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void rejectsReassigningAnOrderNeverDispatched() {
        fixture().given(reported(), triaged(false))
                .when(new ReassignWorkOrder(ORDER, LI, "Not yet", REASSIGNED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void anAssigneeIsAStaffMemberOrASupplierWithItsContract() {
        assertThatThrownBy(() -> new Assignee("maint", "C-1", "Otis")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Assignee(null, "C-1", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Assignee(null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Assignee.supplier("not a contract id", "Otis"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
