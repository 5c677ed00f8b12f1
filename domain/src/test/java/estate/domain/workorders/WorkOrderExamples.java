package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.shared.Money;
import estate.domain.workorders.WorkOrderCommands.CompleteWork;
import estate.domain.workorders.WorkOrderEvent.InspectionOrderOpened;
import estate.domain.workorders.WorkOrderEvent.RepairChargeRequested;
import estate.domain.workorders.WorkOrderEvent.WorkCompleted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAccepted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAssigned;
import estate.domain.workorders.WorkOrderEvent.WorkOrderCancelled;
import estate.domain.workorders.WorkOrderEvent.WorkOrderClosed;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReported;
import estate.domain.workorders.WorkOrderEvent.WorkOrderTriaged;
import estate.domain.workorders.WorkOrderEvent.WorkOrderVerified;
import estate.domain.workorders.WorkOrderEvent.WorkPutOnHold;
import estate.domain.workorders.WorkOrderEvent.WorkStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static estate.domain.workorders.InMemoryMaintenanceLookup.CNY;
import static estate.domain.workorders.InMemoryMaintenanceLookup.SHANGHAI;

/**
 * The estates, places, people, terms and moments the work-order tests share. E1 has its own service terms (a hold
 * stops the clock, reopen within 7 days); E2 has set none, so the defaults apply (a hold does not stop the clock).
 */
final class WorkOrderExamples {

    static final EstateId ESTATE = EstateId.of("E1");
    static final EstateId DEFAULT_TERMS_ESTATE = EstateId.of("E2");
    static final EstateId UNKNOWN_ESTATE = EstateId.of("E404");
    static final UnitId FLAT = UnitId.of("U-101");
    static final UnitId FLAT_IN_E2 = UnitId.of("U-901");
    static final UnitId UNREGISTERED_UNIT = UnitId.of("U-404");
    static final Location AT_FLAT = Location.unit(FLAT);
    static final Location LIFT = Location.facility("Building 1 lift A");
    static final WorkOrderId ORDER = WorkOrderId.of("WO-1");
    static final OwnerAccountId ACCOUNT = OwnerAccountId.of("A1");
    static final String OWNER = "owner1";
    static final String DESCRIPTION = "Water leaks under the kitchen sink";
    static final Assignee WANG = Assignee.staff("maint-wang");
    static final Assignee LI = Assignee.staff("maint-li");
    static final Assignee LIFT_SUPPLIER = Assignee.supplier("C-2026-07", "Otis Service");
    static final InspectionPlanId PLAN = InspectionPlanId.of("P-LIFT-A");
    static final LocalDate PLAN_DUE = LocalDate.of(2026, 12, 1);
    static final List<String> CHECKLIST = List.of("Brakes", "Door sensors", "Emergency phone");

    /** E1: emergency 30 min / 4 h, urgent 1 h / 8 h, normal 4 h / 24 h, low 24 h / 72 h; a hold stops the clock. */
    static final ServiceTerms E1_TERMS = new ServiceTerms(List.of(
            new SlaTarget(Priority.EMERGENCY, 30, 240),
            new SlaTarget(Priority.URGENT, 60, 480),
            new SlaTarget(Priority.NORMAL, 240, 1440),
            new SlaTarget(Priority.LOW, 1440, 4320)), true, 7);

    static final Instant REPORTED_AT = Instant.parse("2026-11-28T02:00:00Z");
    static final Instant TRIAGED_AT = REPORTED_AT.plus(Duration.ofMinutes(10));
    static final Instant ASSIGNED_AT = REPORTED_AT.plus(Duration.ofMinutes(20));
    static final Instant ACCEPTED_AT = REPORTED_AT.plus(Duration.ofMinutes(40));
    static final Instant STARTED_AT = REPORTED_AT.plus(Duration.ofHours(1));
    static final Instant HELD_AT = REPORTED_AT.plus(Duration.ofHours(2));
    static final Instant COMPLETED_AT = REPORTED_AT.plus(Duration.ofHours(6));
    static final Instant VERIFIED_AT = REPORTED_AT.plus(Duration.ofDays(1));

    /** NORMAL on E1, counted from the report: response 4 h, resolution 24 h. */
    static final Instant RESPONSE_DUE = REPORTED_AT.plus(Duration.ofHours(4));
    static final Instant RESOLUTION_DUE = REPORTED_AT.plus(Duration.ofHours(24));

    private WorkOrderExamples() {
    }

    static InMemoryMaintenanceLookup lookup() {
        return new InMemoryMaintenanceLookup()
                .withEstate(ESTATE).withUnits(ESTATE, FLAT).withTerms(ESTATE, E1_TERMS)
                .withEstate(DEFAULT_TERMS_ESTATE).withUnits(DEFAULT_TERMS_ESTATE, FLAT_IN_E2);
    }

    static AggregateTestFixture<WorkOrder> fixture() {
        AggregateTestFixture<WorkOrder> fixture = new AggregateTestFixture<>(WorkOrder.class);
        fixture.registerInjectableResource(lookup());
        return fixture;
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static ServiceLevel e1Level(Priority priority) {
        return E1_TERMS.levelFor(priority);
    }

    /** Owner1 reports a leak in their flat U-101 of E1 through the app, for account A1. */
    static WorkOrderReported reported() {
        return reported(ESTATE, AT_FLAT);
    }

    static WorkOrderReported reported(EstateId estate, Location location) {
        return new WorkOrderReported(ORDER, estate, ReportSource.OWNER_APP, location, Category.WATER_SUPPLY,
                DESCRIPTION, List.of("photos/wo-1/leak.jpg"), ACCOUNT, OWNER, null, CNY, SHANGHAI, REPORTED_AT);
    }

    /** Reported by staff, with no account behind it. */
    static WorkOrderReported reportedByStaff() {
        return new WorkOrderReported(ORDER, ESTATE, ReportSource.STAFF, LIFT, Category.ELEVATOR,
                "Lift A stops between floors", List.of(), null, "cs", null, CNY, SHANGHAI, REPORTED_AT);
    }

    static WorkOrderTriaged triaged(boolean paid) {
        return new WorkOrderTriaged(ORDER, ESTATE, Priority.NORMAL, paid, e1Level(Priority.NORMAL), RESPONSE_DUE,
                RESOLUTION_DUE, null, TRIAGED_AT);
    }

    static WorkOrderAssigned assigned() {
        return new WorkOrderAssigned(ORDER, ESTATE, WANG, ASSIGNED_AT);
    }

    static WorkOrderAccepted accepted() {
        return new WorkOrderAccepted(ORDER, ESTATE, WANG, ACCEPTED_AT);
    }

    static WorkStarted started() {
        return new WorkStarted(ORDER, ESTATE, STARTED_AT);
    }

    static WorkPutOnHold onHold(boolean paused) {
        return new WorkPutOnHold(ORDER, ESTATE, "Waiting for a new valve", paused, HELD_AT);
    }

    /** Up to work in progress on a free NORMAL repair of E1. */
    static Object[] inProgress() {
        return inProgress(false);
    }

    static Object[] inProgress(boolean paid) {
        return new Object[]{reported(), triaged(paid), assigned(), accepted(), started()};
    }

    static CompleteWork completeFree() {
        return new CompleteWork(ORDER, "Replaced the valve", new BigDecimal("1.5"), cny("120.00"), List.of(), null,
                List.of(), COMPLETED_AT);
    }

    static WorkCompleted completedFree() {
        return new WorkCompleted(ORDER, ESTATE, WANG, "Replaced the valve", new BigDecimal("1.50"), cny("120.00"),
                List.of(), cny("0.00"), null, List.of(), COMPLETED_AT);
    }

    static WorkCompleted completedPaid(String fee) {
        return new WorkCompleted(ORDER, ESTATE, WANG, "Replaced the valve", new BigDecimal("1.50"), cny("120.00"),
                List.of(), cny("0.00"), cny(fee), List.of(), COMPLETED_AT);
    }

    static RepairChargeRequested chargeRequested(String fee) {
        return new RepairChargeRequested(ORDER, ESTATE, ACCOUNT, RepairBilling.chargeIdFor(ORDER), cny(fee),
                java.time.YearMonth.of(2026, 11), LocalDate.of(2026, 12, 28),
                "Repair WO-1 (WATER_SUPPLY, unit U-101): " + DESCRIPTION, COMPLETED_AT);
    }

    static WorkOrderVerified verified() {
        return new WorkOrderVerified(ORDER, ESTATE, 5, "Fixed quickly", VERIFIED_AT);
    }

    static WorkOrderClosed closed() {
        return new WorkOrderClosed(ORDER, ESTATE, VERIFIED_AT.plusSeconds(60));
    }

    static WorkOrderCancelled cancelled() {
        return new WorkOrderCancelled(ORDER, ESTATE, "Reported twice", false, TRIAGED_AT);
    }

    /** The lift inspection round of plan P-LIFT-A due 1 December, NORMAL on E1 terms, opened at REPORTED_AT. */
    static InspectionOrderOpened inspectionOpened() {
        return new InspectionOrderOpened(ORDER, ESTATE, PLAN, PLAN_DUE, LIFT, Category.ELEVATOR, Priority.NORMAL,
                CHECKLIST, e1Level(Priority.NORMAL), RESPONSE_DUE, RESOLUTION_DUE, CNY, SHANGHAI, REPORTED_AT);
    }
}
