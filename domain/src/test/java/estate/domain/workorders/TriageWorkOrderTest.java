package estate.domain.workorders;

import estate.domain.workorders.WorkOrderCommands.TriageWorkOrder;
import estate.domain.workorders.WorkOrderEvent.WorkOrderEscalated;
import estate.domain.workorders.WorkOrderEvent.WorkOrderTriaged;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.WorkOrderExamples.DEFAULT_TERMS_ESTATE;
import static estate.domain.workorders.WorkOrderExamples.ESTATE;
import static estate.domain.workorders.WorkOrderExamples.FLAT_IN_E2;
import static estate.domain.workorders.WorkOrderExamples.ORDER;
import static estate.domain.workorders.WorkOrderExamples.REPORTED_AT;
import static estate.domain.workorders.WorkOrderExamples.RESOLUTION_DUE;
import static estate.domain.workorders.WorkOrderExamples.RESPONSE_DUE;
import static estate.domain.workorders.WorkOrderExamples.TRIAGED_AT;
import static estate.domain.workorders.WorkOrderExamples.cancelled;
import static estate.domain.workorders.WorkOrderExamples.e1Level;
import static estate.domain.workorders.WorkOrderExamples.fixture;
import static estate.domain.workorders.WorkOrderExamples.reported;
import static estate.domain.workorders.WorkOrderExamples.reportedByStaff;
import static estate.domain.workorders.WorkOrderExamples.triaged;

class TriageWorkOrderTest {

    private static TriageWorkOrder triage(Priority priority, boolean paid) {
        return new TriageWorkOrder(ORDER, priority, paid, "Owner at home after 18:00", TRIAGED_AT);
    }

    @Test
    void setsPriorityAndPaidRepairAndDeadlinesCountedFromTheReportOnTheEstatesTerms() {
        fixture().given(reported())
                .when(triage(Priority.NORMAL, true))
                .expectEvents(new WorkOrderTriaged(ORDER, ESTATE, Priority.NORMAL, true, e1Level(Priority.NORMAL),
                        RESPONSE_DUE, RESOLUTION_DUE, "Owner at home after 18:00", TRIAGED_AT));
    }

    @Test
    void usesTheDefaultTermsWhenTheEstateHasSetNone() {
        fixture().given(reported(DEFAULT_TERMS_ESTATE, Location.unit(FLAT_IN_E2)))
                .when(triage(Priority.URGENT, false))
                .expectEvents(new WorkOrderTriaged(ORDER, DEFAULT_TERMS_ESTATE, Priority.URGENT, false,
                        new ServiceLevel(120, 1440, false, 7), REPORTED_AT.plus(Duration.ofHours(2)),
                        REPORTED_AT.plus(Duration.ofHours(24)), "Owner at home after 18:00", TRIAGED_AT));
    }

    @Test
    void anEmergencyIsEscalatedToTheManagerAtOnce() {
        fixture().given(reported())
                .when(triage(Priority.EMERGENCY, false))
                .expectEvents(
                        new WorkOrderTriaged(ORDER, ESTATE, Priority.EMERGENCY, false, e1Level(Priority.EMERGENCY),
                                REPORTED_AT.plus(Duration.ofMinutes(30)), REPORTED_AT.plus(Duration.ofHours(4)),
                                "Owner at home after 18:00", TRIAGED_AT),
                        new WorkOrderEscalated(ORDER, ESTATE, 1, EscalationReason.EMERGENCY, Priority.EMERGENCY,
                                null, TRIAGED_AT));
    }

    @Test
    void rejectsAPaidRepairReportedWithoutAnAccountToCharge() {
        fixture().given(reportedByStaff())
                .when(triage(Priority.NORMAL, true))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "no-account-to-charge"));
    }

    @Test
    void rejectsTriagingTwice() {
        fixture().given(reported(), triaged(false))
                .when(triage(Priority.URGENT, false))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void rejectsTriagingACancelledOrder() {
        fixture().given(reported(), cancelled())
                .when(triage(Priority.URGENT, false))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }
}
