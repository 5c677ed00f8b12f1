package estate.domain.workorders;

import estate.domain.workorders.WorkOrderCommands.RecordSlaBreach;
import estate.domain.workorders.WorkOrderEvent.SlaBreached;
import estate.domain.workorders.WorkOrderEvent.WorkOrderEscalated;
import estate.domain.workorders.WorkOrderEvent.WorkResumed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.WorkOrderExamples.ESTATE;
import static estate.domain.workorders.WorkOrderExamples.HELD_AT;
import static estate.domain.workorders.WorkOrderExamples.ORDER;
import static estate.domain.workorders.WorkOrderExamples.RESOLUTION_DUE;
import static estate.domain.workorders.WorkOrderExamples.RESPONSE_DUE;
import static estate.domain.workorders.WorkOrderExamples.WANG;
import static estate.domain.workorders.WorkOrderExamples.accepted;
import static estate.domain.workorders.WorkOrderExamples.assigned;
import static estate.domain.workorders.WorkOrderExamples.cancelled;
import static estate.domain.workorders.WorkOrderExamples.completedFree;
import static estate.domain.workorders.WorkOrderExamples.fixture;
import static estate.domain.workorders.WorkOrderExamples.inProgress;
import static estate.domain.workorders.WorkOrderExamples.onHold;
import static estate.domain.workorders.WorkOrderExamples.reported;
import static estate.domain.workorders.WorkOrderExamples.triaged;

/** The sweeper's idempotent command: recorded once for the running deadline, refused in every other case. */
class SlaBreachTest {

    private static final Instant AFTER_RESPONSE = RESPONSE_DUE.plusSeconds(3);
    private static final Instant AFTER_RESOLUTION = RESOLUTION_DUE.plusSeconds(3);

    private static SlaBreached responseBreached() {
        return new SlaBreached(ORDER, ESTATE, SlaKind.RESPONSE, Priority.NORMAL, RESPONSE_DUE, null, AFTER_RESPONSE);
    }

    @Test
    void recordsAMissedResponseDeadlineAndEscalatesToTheManager() {
        fixture().given(reported(), triaged(false))
                .when(new RecordSlaBreach(ORDER, SlaKind.RESPONSE, RESPONSE_DUE, AFTER_RESPONSE))
                .expectEvents(responseBreached(),
                        new WorkOrderEscalated(ORDER, ESTATE, 1, EscalationReason.RESPONSE_OVERDUE, Priority.NORMAL,
                                RESPONSE_DUE, AFTER_RESPONSE));
    }

    @Test
    void recordsAMissedResolutionDeadlineNamingTheAssigneeAsTheNextEscalation() {
        fixture().given(inProgress()).andGiven(responseBreached(),
                        new WorkOrderEscalated(ORDER, ESTATE, 1, EscalationReason.RESPONSE_OVERDUE, Priority.NORMAL,
                                RESPONSE_DUE, AFTER_RESPONSE))
                .when(new RecordSlaBreach(ORDER, SlaKind.RESOLUTION, RESOLUTION_DUE, AFTER_RESOLUTION))
                .expectEvents(new SlaBreached(ORDER, ESTATE, SlaKind.RESOLUTION, Priority.NORMAL, RESOLUTION_DUE, WANG,
                                AFTER_RESOLUTION),
                        new WorkOrderEscalated(ORDER, ESTATE, 2, EscalationReason.RESOLUTION_OVERDUE,
                                Priority.NORMAL, RESOLUTION_DUE, AFTER_RESOLUTION));
    }

    @Test
    void recordsAMissedResolutionDeadlineOnHoldWhenTheHoldDidNotStopTheClock() {
        fixture().given(inProgress()).andGiven(onHold(false))
                .when(new RecordSlaBreach(ORDER, SlaKind.RESOLUTION, RESOLUTION_DUE, AFTER_RESOLUTION))
                .expectEvents(new SlaBreached(ORDER, ESTATE, SlaKind.RESOLUTION, Priority.NORMAL, RESOLUTION_DUE, WANG,
                                AFTER_RESOLUTION),
                        new WorkOrderEscalated(ORDER, ESTATE, 1, EscalationReason.RESOLUTION_OVERDUE,
                                Priority.NORMAL, RESOLUTION_DUE, AFTER_RESOLUTION));
    }

    @Test
    void refusesABreachBeforeTheDeadline() {
        fixture().given(reported(), triaged(false))
                .when(new RecordSlaBreach(ORDER, SlaKind.RESPONSE, RESPONSE_DUE, RESPONSE_DUE))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "deadline-not-reached"));
    }

    @Test
    void refusesASecondBreachOfTheSameDeadline() {
        fixture().given(reported(), triaged(false), responseBreached())
                .when(new RecordSlaBreach(ORDER, SlaKind.RESPONSE, RESPONSE_DUE, AFTER_RESPONSE.plusSeconds(9)))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "already-breached"));
    }

    @Test
    void refusesAResponseBreachOnceTheOrderWasAccepted() {
        fixture().given(reported(), triaged(false), assigned(), accepted())
                .when(new RecordSlaBreach(ORDER, SlaKind.RESPONSE, RESPONSE_DUE, AFTER_RESPONSE))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "sla-not-running"));
    }

    @Test
    void refusesAResolutionBreachOnceTheWorkIsCompleted() {
        fixture().given(inProgress()).andGiven(completedFree())
                .when(new RecordSlaBreach(ORDER, SlaKind.RESOLUTION, RESOLUTION_DUE, AFTER_RESOLUTION))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "sla-not-running"));
    }

    @Test
    void refusesAResolutionBreachWhileAHoldStopsTheClock() {
        fixture().given(inProgress()).andGiven(onHold(true))
                .when(new RecordSlaBreach(ORDER, SlaKind.RESOLUTION, RESOLUTION_DUE, AFTER_RESOLUTION))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "sla-not-running"));
    }

    @Test
    void refusesTheOldDeadlineAfterAPauseMovedIt() {
        Instant moved = RESOLUTION_DUE.plus(Duration.ofHours(1));
        fixture().given(inProgress()).andGiven(onHold(true),
                        new WorkResumed(ORDER, ESTATE, moved, HELD_AT.plus(Duration.ofHours(1))))
                .when(new RecordSlaBreach(ORDER, SlaKind.RESOLUTION, RESOLUTION_DUE, AFTER_RESOLUTION))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "deadline-moved"));
    }

    @Test
    void refusesABreachOfACancelledOrder() {
        fixture().given(reported(), triaged(false), cancelled())
                .when(new RecordSlaBreach(ORDER, SlaKind.RESPONSE, RESPONSE_DUE, AFTER_RESPONSE))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "sla-not-running"));
    }

    @Test
    void refusesABreachOfAnOrderWithoutDeadlinesYet() {
        fixture().given(reported())
                .when(new RecordSlaBreach(ORDER, SlaKind.RESPONSE, RESPONSE_DUE, AFTER_RESPONSE))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "sla-not-running"));
    }
}
