package estate.domain.workorders;

import estate.domain.workorders.WorkOrderCommands.CancelWorkOrder;
import estate.domain.workorders.WorkOrderCommands.CloseWorkOrder;
import estate.domain.workorders.WorkOrderCommands.ReopenWorkOrder;
import estate.domain.workorders.WorkOrderCommands.VerifyWorkOrder;
import estate.domain.workorders.WorkOrderEvent.WorkCompleted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAccepted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAssigned;
import estate.domain.workorders.WorkOrderEvent.WorkOrderCancelled;
import estate.domain.workorders.WorkOrderEvent.WorkOrderClosed;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReopened;
import estate.domain.workorders.WorkOrderEvent.WorkOrderVerified;
import estate.domain.workorders.WorkOrderEvent.WorkStarted;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.WorkOrderExamples.ACCEPTED_AT;
import static estate.domain.workorders.WorkOrderExamples.ASSIGNED_AT;
import static estate.domain.workorders.WorkOrderExamples.COMPLETED_AT;
import static estate.domain.workorders.WorkOrderExamples.ESTATE;
import static estate.domain.workorders.WorkOrderExamples.ORDER;
import static estate.domain.workorders.WorkOrderExamples.STARTED_AT;
import static estate.domain.workorders.WorkOrderExamples.TRIAGED_AT;
import static estate.domain.workorders.WorkOrderExamples.VERIFIED_AT;
import static estate.domain.workorders.WorkOrderExamples.WANG;
import static estate.domain.workorders.WorkOrderExamples.assigned;
import static estate.domain.workorders.WorkOrderExamples.cancelled;
import static estate.domain.workorders.WorkOrderExamples.closed;
import static estate.domain.workorders.WorkOrderExamples.cny;
import static estate.domain.workorders.WorkOrderExamples.completedFree;
import static estate.domain.workorders.WorkOrderExamples.fixture;
import static estate.domain.workorders.WorkOrderExamples.inProgress;
import static estate.domain.workorders.WorkOrderExamples.inspectionOpened;
import static estate.domain.workorders.WorkOrderExamples.reported;
import static estate.domain.workorders.WorkOrderExamples.triaged;
import static estate.domain.workorders.WorkOrderExamples.verified;

/** The end of an order's life: rating, closing, reopening within the window, cancelling. */
class VerifyCloseReopenCancelTest {

    private static final Instant CLOSED_AT = VERIFIED_AT.plusSeconds(60);
    /** E1 lets an order be reopened within 7 days of completion. */
    private static final Instant LAST_REOPEN_MOMENT = COMPLETED_AT.plus(Duration.ofDays(7));

    @Test
    void theReporterVerifiesACompletedRepairWithARating() {
        fixture().given(inProgress()).andGiven(completedFree())
                .when(new VerifyWorkOrder(ORDER, 5, "Fixed quickly", VERIFIED_AT))
                .expectEvents(verified());
    }

    @Test
    void rejectsVerifyingWorkNotCompleted() {
        fixture().given(inProgress())
                .when(new VerifyWorkOrder(ORDER, 4, null, VERIFIED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void rejectsVerifyingTwice() {
        fixture().given(inProgress()).andGiven(completedFree(), verified())
                .when(new VerifyWorkOrder(ORDER, 1, "Changed my mind", VERIFIED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void closesAVerifiedRepair() {
        fixture().given(inProgress()).andGiven(completedFree(), verified())
                .when(new CloseWorkOrder(ORDER, CLOSED_AT))
                .expectEvents(new WorkOrderClosed(ORDER, ESTATE, CLOSED_AT));
    }

    @Test
    void rejectsClosingARepairTheReporterHasNotVerified() {
        fixture().given(inProgress()).andGiven(completedFree())
                .when(new CloseWorkOrder(ORDER, CLOSED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void closesACompletedInspectionRoundWhichNobodyRates() {
        List<CheckResult> passed = List.of(new CheckResult("Brakes", true, null),
                new CheckResult("Door sensors", true, null), new CheckResult("Emergency phone", true, null));
        fixture().given(inspectionOpened(), new WorkOrderAssigned(ORDER, ESTATE, WANG, ASSIGNED_AT),
                        new WorkOrderAccepted(ORDER, ESTATE, WANG, ACCEPTED_AT),
                        new WorkStarted(ORDER, ESTATE, STARTED_AT),
                        new WorkCompleted(ORDER, ESTATE, WANG, "Inspected", new BigDecimal("1.00"), cny("0.00"),
                                List.of(), cny("0.00"), null, passed, COMPLETED_AT))
                .when(new CloseWorkOrder(ORDER, CLOSED_AT))
                .expectEvents(new WorkOrderClosed(ORDER, ESTATE, CLOSED_AT));
    }

    @Test
    void rejectsClosingAnOpenOrder() {
        fixture().given(inProgress())
                .when(new CloseWorkOrder(ORDER, CLOSED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void reopensAClosedOrderOnTheLastDayOfTheWindowWithBothClocksStartingAgain() {
        fixture().given(inProgress()).andGiven(completedFree(), verified(), closed())
                .when(new ReopenWorkOrder(ORDER, "Leaks again", LAST_REOPEN_MOMENT))
                .expectEvents(new WorkOrderReopened(ORDER, ESTATE, "Leaks again", WANG,
                        LAST_REOPEN_MOMENT.plus(Duration.ofHours(4)), LAST_REOPEN_MOMENT.plus(Duration.ofHours(24)),
                        LAST_REOPEN_MOMENT));
    }

    @Test
    void reopensACompletedOrderNotYetVerified() {
        Instant at = COMPLETED_AT.plus(Duration.ofHours(1));
        fixture().given(inProgress()).andGiven(completedFree())
                .when(new ReopenWorkOrder(ORDER, "Still dripping", at))
                .expectEvents(new WorkOrderReopened(ORDER, ESTATE, "Still dripping", WANG,
                        at.plus(Duration.ofHours(4)), at.plus(Duration.ofHours(24)), at));
    }

    @Test
    void rejectsReopeningAfterTheWindow() {
        fixture().given(inProgress()).andGiven(completedFree(), verified(), closed())
                .when(new ReopenWorkOrder(ORDER, "Leaks again", LAST_REOPEN_MOMENT.plusSeconds(1)))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "reopen-window-passed"));
    }

    @Test
    void rejectsReopeningAnOrderThatIsStillOpen() {
        fixture().given(inProgress())
                .when(new ReopenWorkOrder(ORDER, "Leaks again", COMPLETED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void rejectsReopeningACancelledOrder() {
        fixture().given(reported(), cancelled())
                .when(new ReopenWorkOrder(ORDER, "Leaks again", COMPLETED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void staffCancelWorkInProgressWithAReason() {
        fixture().given(inProgress())
                .when(new CancelWorkOrder(ORDER, "Owner had it fixed privately", false, COMPLETED_AT))
                .expectEvents(new WorkOrderCancelled(ORDER, ESTATE, "Owner had it fixed privately", false,
                        COMPLETED_AT));
    }

    @Test
    void theReporterWithdrawsARequestNotYetDispatched() {
        fixture().given(reported(), triaged(false))
                .when(new CancelWorkOrder(ORDER, "Fixed it myself", true, TRIAGED_AT))
                .expectEvents(new WorkOrderCancelled(ORDER, ESTATE, "Fixed it myself", true, TRIAGED_AT));
    }

    @Test
    void rejectsTheReporterWithdrawingADispatchedRequest() {
        fixture().given(reported(), triaged(false), assigned())
                .when(new CancelWorkOrder(ORDER, "Fixed it myself", true, ASSIGNED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "cancel-after-dispatch"));
    }

    @Test
    void rejectsCancellingACompletedOrder() {
        fixture().given(inProgress()).andGiven(completedFree())
                .when(new CancelWorkOrder(ORDER, "Too late", false, VERIFIED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void rejectsCancellingTwice() {
        fixture().given(reported(), cancelled())
                .when(new CancelWorkOrder(ORDER, "Again", false, VERIFIED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }
}
