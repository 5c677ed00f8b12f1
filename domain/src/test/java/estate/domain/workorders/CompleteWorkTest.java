package estate.domain.workorders;

import estate.domain.shared.Money;
import estate.domain.workorders.WorkOrderCommands.CompleteWork;
import estate.domain.workorders.WorkOrderEvent.CheckFailed;
import estate.domain.workorders.WorkOrderEvent.SlaBreached;
import estate.domain.workorders.WorkOrderEvent.WorkCompleted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAccepted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAssigned;
import estate.domain.workorders.WorkOrderEvent.WorkOrderEscalated;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReopened;
import estate.domain.workorders.WorkOrderEvent.WorkStarted;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static estate.domain.workorders.WorkOrderExamples.ACCEPTED_AT;
import static estate.domain.workorders.WorkOrderExamples.ASSIGNED_AT;
import static estate.domain.workorders.WorkOrderExamples.COMPLETED_AT;
import static estate.domain.workorders.WorkOrderExamples.ESTATE;
import static estate.domain.workorders.WorkOrderExamples.LIFT;
import static estate.domain.workorders.WorkOrderExamples.ORDER;
import static estate.domain.workorders.WorkOrderExamples.PLAN;
import static estate.domain.workorders.WorkOrderExamples.RESOLUTION_DUE;
import static estate.domain.workorders.WorkOrderExamples.STARTED_AT;
import static estate.domain.workorders.WorkOrderExamples.WANG;
import static estate.domain.workorders.WorkOrderExamples.chargeRequested;
import static estate.domain.workorders.WorkOrderExamples.cny;
import static estate.domain.workorders.WorkOrderExamples.completeFree;
import static estate.domain.workorders.WorkOrderExamples.completedFree;
import static estate.domain.workorders.WorkOrderExamples.completedPaid;
import static estate.domain.workorders.WorkOrderExamples.fixture;
import static estate.domain.workorders.WorkOrderExamples.inProgress;
import static estate.domain.workorders.WorkOrderExamples.inspectionOpened;
import static estate.domain.workorders.WorkOrderExamples.onHold;

class CompleteWorkTest {

    private static final Instant REOPENED_AT = COMPLETED_AT.plus(Duration.ofDays(2));

    private static CompleteWork complete(Money fee) {
        return new CompleteWork(ORDER, "Replaced the valve", new BigDecimal("1.5"), cny("120.00"), List.of(), fee,
                List.of(), COMPLETED_AT);
    }

    private static CompleteWork inspect(List<CheckResult> results) {
        return new CompleteWork(ORDER, "Monthly lift inspection", new BigDecimal("2"), cny("0"), List.of(), null,
                results, COMPLETED_AT);
    }

    private static Object[] inspectionInProgress() {
        return new Object[]{inspectionOpened(), new WorkOrderAssigned(ORDER, ESTATE, WANG, ASSIGNED_AT),
                new WorkOrderAccepted(ORDER, ESTATE, WANG, ACCEPTED_AT), new WorkStarted(ORDER, ESTATE, STARTED_AT)};
    }

    @Test
    void completesAFreeRepairWithLabourAndMaterialsCostedPerLineHalfEven() {
        List<Material> materials = List.of(
                new Material("Valve DN15", new BigDecimal("2"), cny("38.50")),
                new Material("PTFE tape", new BigDecimal("0.5"), cny("10.25")));
        fixture().given(inProgress())
                .when(new CompleteWork(ORDER, "Replaced the valve", new BigDecimal("1.5"), cny("120"), materials, null,
                        List.of(), COMPLETED_AT))
                .expectEvents(new WorkCompleted(ORDER, ESTATE, WANG, "Replaced the valve", new BigDecimal("1.50"),
                        cny("120.00"), materials, cny("82.12"), null, List.of(), COMPLETED_AT));
    }

    @Test
    void completesAPaidRepairAndRequestsItsFeeFromTheReportersAccount() {
        fixture().given(inProgress(true))
                .when(complete(cny("150.00")))
                .expectEvents(completedPaid("150.00"), chargeRequested("150.00"));
    }

    @Test
    void rejectsAPaidRepairCompletedWithoutItsFee() {
        fixture().given(inProgress(true))
                .when(complete(null))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "fee-required"));
    }

    @Test
    void rejectsAFeeOnAFreeRepair() {
        fixture().given(inProgress(false))
                .when(complete(cny("150.00")))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "fee-on-free-repair"));
    }

    @Test
    void rejectsAFeeInAnotherCurrency() {
        fixture().given(inProgress(true))
                .when(complete(Money.of("20.00", "USD")))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "currency-mismatch"));
    }

    @Test
    void rejectsAZeroFee() {
        fixture().given(inProgress(true))
                .when(complete(cny("0.00")))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "non-positive-amount"));
    }

    @Test
    void rejectsANegativeLabourCost() {
        fixture().given(inProgress())
                .when(new CompleteWork(ORDER, "Done", BigDecimal.ONE, cny("-1.00"), List.of(), null, List.of(),
                        COMPLETED_AT))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "negative-amount"));
    }

    @Test
    void rejectsMaterialsCostedInAnotherCurrency() {
        fixture().given(inProgress())
                .when(new CompleteWork(ORDER, "Done", BigDecimal.ONE, cny("10.00"),
                        List.of(new Material("Valve", BigDecimal.ONE, Money.of("5.00", "USD"))), null, List.of(),
                        COMPLETED_AT))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "currency-mismatch"));
    }

    @Test
    void aLateCompletionRecordsTheMissedResolutionDeadlineAndEscalatesFirst() {
        Instant late = RESOLUTION_DUE.plus(Duration.ofMinutes(1));
        fixture().given(inProgress())
                .when(new CompleteWork(ORDER, "Replaced the valve", new BigDecimal("1.5"), cny("120.00"), List.of(),
                        null, List.of(), late))
                .expectEvents(
                        new SlaBreached(ORDER, ESTATE, SlaKind.RESOLUTION, Priority.NORMAL, RESOLUTION_DUE, WANG, late),
                        new WorkOrderEscalated(ORDER, ESTATE, 1, EscalationReason.RESOLUTION_OVERDUE,
                                Priority.NORMAL, RESOLUTION_DUE, late),
                        new WorkCompleted(ORDER, ESTATE, WANG, "Replaced the valve", new BigDecimal("1.50"),
                                cny("120.00"), List.of(), cny("0.00"), null, List.of(), late));
    }

    @Test
    void rejectsCompletingWorkOnHold() {
        fixture().given(inProgress()).andGiven(onHold(true))
                .when(completeFree())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void rejectsCompletingTwice() {
        fixture().given(inProgress()).andGiven(completedFree())
                .when(completeFree())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void aReopenedPaidRepairIsRedoneFreeAndChargedNothingMore() {
        fixture().given(inProgress(true)).andGiven(completedPaid("150.00"), chargeRequested("150.00"),
                        new WorkOrderReopened(ORDER, ESTATE, "Leaks again", WANG, REOPENED_AT, REOPENED_AT,
                                REOPENED_AT),
                        new WorkOrderAccepted(ORDER, ESTATE, WANG, REOPENED_AT),
                        new WorkStarted(ORDER, ESTATE, REOPENED_AT))
                .when(new CompleteWork(ORDER, "Tightened the valve", new BigDecimal("0.5"), cny("40.00"), List.of(),
                        null, List.of(), REOPENED_AT))
                .expectEvents(new WorkCompleted(ORDER, ESTATE, WANG, "Tightened the valve", new BigDecimal("0.50"),
                        cny("40.00"), List.of(), cny("0.00"), null, List.of(), REOPENED_AT));
    }

    @Test
    void rejectsASecondFeeForAReopenedPaidRepair() {
        fixture().given(inProgress(true)).andGiven(completedPaid("150.00"), chargeRequested("150.00"),
                        new WorkOrderReopened(ORDER, ESTATE, "Leaks again", WANG, REOPENED_AT, REOPENED_AT,
                                REOPENED_AT),
                        new WorkOrderAccepted(ORDER, ESTATE, WANG, REOPENED_AT),
                        new WorkStarted(ORDER, ESTATE, REOPENED_AT))
                .when(new CompleteWork(ORDER, "Tightened the valve", new BigDecimal("0.5"), cny("40.00"), List.of(),
                        cny("50.00"), List.of(), REOPENED_AT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "repair-already-billed"));
    }

    @Test
    void anInspectionWhoseItemsAllPassCompletesWithItsResults() {
        List<CheckResult> results = List.of(new CheckResult("Brakes", true, null),
                new CheckResult("Door sensors", true, null), new CheckResult("Emergency phone", true, "Tested"));
        fixture().given(inspectionInProgress())
                .when(inspect(results))
                .expectEvents(new WorkCompleted(ORDER, ESTATE, WANG, "Monthly lift inspection", new BigDecimal("2.00"),
                        cny("0.00"), List.of(), cny("0.00"), null, results, COMPLETED_AT));
    }

    @Test
    void eachFailedCheckItemOpensItsOwnLinkedRepairOrder() {
        List<CheckResult> results = List.of(new CheckResult("Brakes", true, null),
                new CheckResult("Door sensors", false, "Left sensor does not react"),
                new CheckResult("Emergency phone", false, "No dial tone"));
        fixture().given(inspectionInProgress())
                .when(inspect(results))
                .expectEvents(
                        new WorkCompleted(ORDER, ESTATE, WANG, "Monthly lift inspection", new BigDecimal("2.00"),
                                cny("0.00"), List.of(), cny("0.00"), null, results, COMPLETED_AT),
                        new CheckFailed(ORDER, ESTATE, PLAN, "Door sensors", "Left sensor does not react", LIFT,
                                Category.ELEVATOR, WorkOrderId.of("WO-1:2"), COMPLETED_AT),
                        new CheckFailed(ORDER, ESTATE, PLAN, "Emergency phone", "No dial tone", LIFT,
                                Category.ELEVATOR, WorkOrderId.of("WO-1:3"), COMPLETED_AT));
    }

    @Test
    void rejectsAnInspectionWithoutAResultForEveryItem() {
        fixture().given(inspectionInProgress())
                .when(inspect(List.of(new CheckResult("Brakes", true, null))))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "check-results-incomplete"));
    }

    @Test
    void rejectsAnInspectionWithAnItemTwiceOrOneNotOnTheChecklist() {
        fixture().given(inspectionInProgress())
                .when(inspect(List.of(new CheckResult("Brakes", true, null), new CheckResult("Brakes", true, null),
                        new CheckResult("Door sensors", true, null))))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "check-results-incomplete"));
        fixture().given(inspectionInProgress())
                .when(inspect(List.of(new CheckResult("Brakes", true, null), new CheckResult("Cables", true, null),
                        new CheckResult("Door sensors", true, null))))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "check-results-incomplete"));
    }

    @Test
    void rejectsCheckResultsOnARepair() {
        fixture().given(inProgress())
                .when(inspect(List.of(new CheckResult("Brakes", true, null))))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "not-an-inspection"));
    }
}
