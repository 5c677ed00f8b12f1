package estate.domain.workorders;

import estate.domain.owners.ChargeId;
import estate.domain.workorders.WorkOrderCommands.AcknowledgeEscalation;
import estate.domain.workorders.WorkOrderCommands.RecordRepairCharge;
import estate.domain.workorders.WorkOrderCommands.RecordRepairChargeFailure;
import estate.domain.workorders.WorkOrderEvent.EscalationAcknowledged;
import estate.domain.workorders.WorkOrderEvent.RepairChargeFailed;
import estate.domain.workorders.WorkOrderEvent.RepairCharged;
import estate.domain.workorders.WorkOrderEvent.WorkOrderEscalated;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.WorkOrderExamples.ACCOUNT;
import static estate.domain.workorders.WorkOrderExamples.COMPLETED_AT;
import static estate.domain.workorders.WorkOrderExamples.ESTATE;
import static estate.domain.workorders.WorkOrderExamples.ORDER;
import static estate.domain.workorders.WorkOrderExamples.TRIAGED_AT;
import static estate.domain.workorders.WorkOrderExamples.chargeRequested;
import static estate.domain.workorders.WorkOrderExamples.cny;
import static estate.domain.workorders.WorkOrderExamples.completedFree;
import static estate.domain.workorders.WorkOrderExamples.completedPaid;
import static estate.domain.workorders.WorkOrderExamples.fixture;
import static estate.domain.workorders.WorkOrderExamples.inProgress;
import static estate.domain.workorders.WorkOrderExamples.reported;

/** The manager acknowledging escalations; finance's answer to a paid-repair charge. */
class EscalationAndChargeOutcomeTest {

    private static final ChargeId CHARGE = RepairBilling.chargeIdFor(ORDER);
    private static final Instant LATER = COMPLETED_AT.plusSeconds(2);
    private static final WorkOrderEscalated EMERGENCY = new WorkOrderEscalated(ORDER, ESTATE, 1,
            EscalationReason.EMERGENCY, Priority.EMERGENCY, null, TRIAGED_AT);

    @Test
    void theManagerAcknowledgesAnEscalation() {
        fixture().given(reported(), EMERGENCY)
                .when(new AcknowledgeEscalation(ORDER, 1, "Called the plumber myself", LATER))
                .expectEvents(new EscalationAcknowledged(ORDER, ESTATE, 1, "Called the plumber myself", LATER));
    }

    @Test
    void rejectsAnEscalationThatDoesNotExist() {
        fixture().given(reported(), EMERGENCY)
                .when(new AcknowledgeEscalation(ORDER, 2, null, LATER))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-escalation"));
    }

    @Test
    void rejectsAcknowledgingTwice() {
        fixture().given(reported(), EMERGENCY, new EscalationAcknowledged(ORDER, ESTATE, 1, null, LATER))
                .when(new AcknowledgeEscalation(ORDER, 1, null, LATER))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "escalation-already-acknowledged"));
    }

    @Test
    void recordsThatFinanceBookedTheRequestedCharge() {
        fixture().given(inProgress(true)).andGiven(completedPaid("150.00"), chargeRequested("150.00"))
                .when(new RecordRepairCharge(ORDER, CHARGE, LATER))
                .expectEvents(new RepairCharged(ORDER, ESTATE, ACCOUNT, CHARGE, cny("150.00"), LATER));
    }

    @Test
    void aRefusedChargeIsRecordedAndEscalatedToTheManager() {
        fixture().given(inProgress(true)).andGiven(completedPaid("150.00"), chargeRequested("150.00"))
                .when(new RecordRepairChargeFailure(ORDER, CHARGE, "account-closed", LATER))
                .expectEvents(new RepairChargeFailed(ORDER, ESTATE, ACCOUNT, CHARGE, cny("150.00"), "account-closed",
                                LATER),
                        new WorkOrderEscalated(ORDER, ESTATE, 1, EscalationReason.REPAIR_CHARGE_FAILED,
                                Priority.NORMAL, null, LATER));
    }

    @Test
    void rejectsRecordingTheSameChargeTwice() {
        fixture().given(inProgress(true)).andGiven(completedPaid("150.00"), chargeRequested("150.00"),
                        new RepairCharged(ORDER, ESTATE, ACCOUNT, CHARGE, cny("150.00"), LATER))
                .when(new RecordRepairCharge(ORDER, CHARGE, LATER))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "no-pending-charge"));
    }

    @Test
    void rejectsAChargeOutcomeForAFreeRepair() {
        fixture().given(inProgress()).andGiven(completedFree())
                .when(new RecordRepairChargeFailure(ORDER, CHARGE, "account-closed", LATER))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "no-pending-charge"));
    }

    @Test
    void rejectsTheOutcomeOfAnotherCharge() {
        fixture().given(inProgress(true)).andGiven(completedPaid("150.00"), chargeRequested("150.00"))
                .when(new RecordRepairCharge(ORDER, ChargeId.of("repair:WO-2"), LATER))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "no-pending-charge"));
    }
}
