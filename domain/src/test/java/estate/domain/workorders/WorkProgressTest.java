package estate.domain.workorders;

import estate.domain.workorders.WorkOrderCommands.AcceptWorkOrder;
import estate.domain.workorders.WorkOrderCommands.PutWorkOnHold;
import estate.domain.workorders.WorkOrderCommands.ResumeWork;
import estate.domain.workorders.WorkOrderCommands.StartWork;
import estate.domain.workorders.WorkOrderEvent.SlaBreached;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAccepted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderEscalated;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReassigned;
import estate.domain.workorders.WorkOrderEvent.WorkPutOnHold;
import estate.domain.workorders.WorkOrderEvent.WorkResumed;
import estate.domain.workorders.WorkOrderEvent.WorkStarted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.WorkOrderExamples.ACCEPTED_AT;
import static estate.domain.workorders.WorkOrderExamples.DEFAULT_TERMS_ESTATE;
import static estate.domain.workorders.WorkOrderExamples.ESTATE;
import static estate.domain.workorders.WorkOrderExamples.FLAT_IN_E2;
import static estate.domain.workorders.WorkOrderExamples.HELD_AT;
import static estate.domain.workorders.WorkOrderExamples.LI;
import static estate.domain.workorders.WorkOrderExamples.ORDER;
import static estate.domain.workorders.WorkOrderExamples.REPORTED_AT;
import static estate.domain.workorders.WorkOrderExamples.RESOLUTION_DUE;
import static estate.domain.workorders.WorkOrderExamples.RESPONSE_DUE;
import static estate.domain.workorders.WorkOrderExamples.STARTED_AT;
import static estate.domain.workorders.WorkOrderExamples.TRIAGED_AT;
import static estate.domain.workorders.WorkOrderExamples.WANG;
import static estate.domain.workorders.WorkOrderExamples.accepted;
import static estate.domain.workorders.WorkOrderExamples.assigned;
import static estate.domain.workorders.WorkOrderExamples.fixture;
import static estate.domain.workorders.WorkOrderExamples.inProgress;
import static estate.domain.workorders.WorkOrderExamples.onHold;
import static estate.domain.workorders.WorkOrderExamples.reported;
import static estate.domain.workorders.WorkOrderExamples.started;
import static estate.domain.workorders.WorkOrderExamples.triaged;

/** Accept, start, hold and resume: the work itself, and what each step does to the SLA clocks. */
class WorkProgressTest {

    private static final Instant LATE = RESPONSE_DUE.plusSeconds(1);
    private static final Instant RESUMED_AT = HELD_AT.plus(Duration.ofHours(5));

    @Test
    void theAssigneeAcceptsInTimeWhichMeetsTheResponseTarget() {
        fixture().given(reported(), triaged(false), assigned())
                .when(new AcceptWorkOrder(ORDER, ACCEPTED_AT))
                .expectEvents(new WorkOrderAccepted(ORDER, ESTATE, WANG, ACCEPTED_AT));
    }

    @Test
    void acceptingOnTheDeadlineItselfIsInTime() {
        fixture().given(reported(), triaged(false), assigned())
                .when(new AcceptWorkOrder(ORDER, RESPONSE_DUE))
                .expectEvents(new WorkOrderAccepted(ORDER, ESTATE, WANG, RESPONSE_DUE));
    }

    @Test
    void aLateAcceptanceRecordsTheMissedResponseDeadlineAndEscalatesFirst() {
        fixture().given(reported(), triaged(false), assigned())
                .when(new AcceptWorkOrder(ORDER, LATE))
                .expectEvents(
                        new SlaBreached(ORDER, ESTATE, SlaKind.RESPONSE, Priority.NORMAL, RESPONSE_DUE, WANG, LATE),
                        new WorkOrderEscalated(ORDER, ESTATE, 1, EscalationReason.RESPONSE_OVERDUE, Priority.NORMAL,
                                RESPONSE_DUE, LATE),
                        new WorkOrderAccepted(ORDER, ESTATE, WANG, LATE));
    }

    @Test
    void aLateAcceptanceAfterTheSweeperRecordedTheBreachRecordsNothingMore() {
        fixture().given(reported(), triaged(false), assigned(),
                        new SlaBreached(ORDER, ESTATE, SlaKind.RESPONSE, Priority.NORMAL, RESPONSE_DUE, WANG, LATE),
                        new WorkOrderEscalated(ORDER, ESTATE, 1, EscalationReason.RESPONSE_OVERDUE, Priority.NORMAL,
                                RESPONSE_DUE, LATE))
                .when(new AcceptWorkOrder(ORDER, LATE.plusSeconds(60)))
                .expectEvents(new WorkOrderAccepted(ORDER, ESTATE, WANG, LATE.plusSeconds(60)));
    }

    @Test
    void theNewAssigneeOfAReassignedOrderAcceptsWithoutAResponseClock() {
        Instant muchLater = RESPONSE_DUE.plus(Duration.ofHours(2));
        fixture().given(reported(), triaged(false), assigned(), accepted(),
                        new WorkOrderReassigned(ORDER, ESTATE, WANG, LI, "Leave", RESOLUTION_DUE, muchLater))
                .when(new AcceptWorkOrder(ORDER, muchLater.plusSeconds(5)))
                .expectEvents(new WorkOrderAccepted(ORDER, ESTATE, LI, muchLater.plusSeconds(5)));
    }

    @Test
    void rejectsAcceptingAnOrderNotDispatched() {
        fixture().given(reported(), triaged(false))
                .when(new AcceptWorkOrder(ORDER, ACCEPTED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void rejectsAcceptingTwice() {
        fixture().given(reported(), triaged(false), assigned(), accepted())
                .when(new AcceptWorkOrder(ORDER, ACCEPTED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void startsAcceptedWork() {
        fixture().given(reported(), triaged(false), assigned(), accepted())
                .when(new StartWork(ORDER, STARTED_AT))
                .expectEvents(new WorkStarted(ORDER, ESTATE, STARTED_AT));
    }

    @Test
    void rejectsStartingWorkNotAccepted() {
        fixture().given(reported(), triaged(false), assigned())
                .when(new StartWork(ORDER, STARTED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void aHoldStopsTheResolutionClockWhenTheEstatesTermsAllowIt() {
        fixture().given(inProgress())
                .when(new PutWorkOnHold(ORDER, "Waiting for a new valve", HELD_AT))
                .expectEvents(new WorkPutOnHold(ORDER, ESTATE, "Waiting for a new valve", true, HELD_AT));
    }

    @Test
    void aHoldLeavesTheClockRunningWhenTheEstatesTermsDoNotAllowIt() {
        fixture().given(reported(DEFAULT_TERMS_ESTATE, Location.unit(FLAT_IN_E2)),
                        new estate.domain.workorders.WorkOrderEvent.WorkOrderTriaged(ORDER, DEFAULT_TERMS_ESTATE,
                                Priority.NORMAL, false, ServiceTerms.DEFAULT.levelFor(Priority.NORMAL),
                                REPORTED_AT.plus(Duration.ofHours(24)), REPORTED_AT.plus(Duration.ofDays(3)), null,
                                TRIAGED_AT),
                        new estate.domain.workorders.WorkOrderEvent.WorkOrderAssigned(ORDER, DEFAULT_TERMS_ESTATE,
                                WANG, TRIAGED_AT),
                        new WorkOrderAccepted(ORDER, DEFAULT_TERMS_ESTATE, WANG, TRIAGED_AT),
                        new WorkStarted(ORDER, DEFAULT_TERMS_ESTATE, TRIAGED_AT))
                .when(new PutWorkOnHold(ORDER, "Waiting for parts", HELD_AT))
                .expectEvents(new WorkPutOnHold(ORDER, DEFAULT_TERMS_ESTATE, "Waiting for parts", false, HELD_AT));
    }

    @Test
    void aHoldAfterTheResolutionDeadlineWasMissedPausesNothing() {
        Instant missed = RESOLUTION_DUE.plusSeconds(10);
        fixture().given(inProgress())
                .andGiven(new SlaBreached(ORDER, ESTATE, SlaKind.RESOLUTION, Priority.NORMAL, RESOLUTION_DUE, WANG,
                        missed))
                .when(new PutWorkOnHold(ORDER, "Waiting for parts", missed.plusSeconds(60)))
                .expectEvents(new WorkPutOnHold(ORDER, ESTATE, "Waiting for parts", false, missed.plusSeconds(60)));
    }

    @Test
    void rejectsAHoldOfWorkNotInProgress() {
        fixture().given(reported(), triaged(false), assigned(), accepted())
                .when(new PutWorkOnHold(ORDER, "Parts", HELD_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void resumingAfterAPausedHoldMovesTheResolutionDeadlineByThePause() {
        fixture().given(inProgress()).andGiven(onHold(true))
                .when(new ResumeWork(ORDER, RESUMED_AT))
                .expectEvents(new WorkResumed(ORDER, ESTATE, RESOLUTION_DUE.plus(Duration.ofHours(5)), RESUMED_AT));
    }

    @Test
    void resumingAfterAHoldThatPausedNothingKeepsTheDeadline() {
        fixture().given(inProgress()).andGiven(onHold(false))
                .when(new ResumeWork(ORDER, RESUMED_AT))
                .expectEvents(new WorkResumed(ORDER, ESTATE, RESOLUTION_DUE, RESUMED_AT));
    }

    @Test
    void rejectsResumingWorkThatIsNotOnHold() {
        fixture().given(reported(), triaged(false), assigned(), accepted(), started())
                .when(new ResumeWork(ORDER, RESUMED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }
}
