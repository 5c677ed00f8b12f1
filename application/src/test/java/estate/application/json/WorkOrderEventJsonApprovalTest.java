package estate.application.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import estate.application.config.EstateJson;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.ChargeId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.shared.Money;
import estate.domain.workorders.Assignee;
import estate.domain.workorders.Category;
import estate.domain.workorders.CheckResult;
import estate.domain.workorders.EscalationReason;
import estate.domain.workorders.Frequency;
import estate.domain.workorders.InspectionPlanEvent;
import estate.domain.workorders.InspectionPlanId;
import estate.domain.workorders.Location;
import estate.domain.workorders.MaintenancePolicyEvent;
import estate.domain.workorders.Material;
import estate.domain.workorders.Priority;
import estate.domain.workorders.ReportSource;
import estate.domain.workorders.ServiceLevel;
import estate.domain.workorders.ServiceTerms;
import estate.domain.workorders.SlaKind;
import estate.domain.workorders.SlaTarget;
import estate.domain.workorders.WorkOrderEvent;
import estate.domain.workorders.WorkOrderId;
import estate.projections.workorders.WorkOrderHistoryProjection;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work-order context's events are a contract too: each one's JSON is approved in
 * {@code src/test/resources/events/<Event>.json}, the same way as {@link EventJsonApprovalTest} does for the first
 * context. A change to an event's shape fails here; a deliberate one gets a new revision and an upcaster. Run with
 * {@code -Dapprove=true} only to write the file of a new event.
 */
class WorkOrderEventJsonApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/events");
    private static final ObjectMapper MAPPER = EstateJson.messageMapper();
    private static final ObjectMapper PRETTY = EstateJson.messageMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final EstateId ESTATE = new EstateId("sunrise");
    private static final WorkOrderId ORDER = new WorkOrderId("wo-0001");
    private static final OwnerAccountId ACCOUNT = new OwnerAccountId("acc-0001");
    private static final InspectionPlanId PLAN = new InspectionPlanId("plan-lift-a");
    private static final WorkOrderId ROUND = new WorkOrderId("plan-lift-a:20261201");
    private static final Location FLAT = Location.unit(new UnitId("unit-1201"));
    private static final Location LIFT = Location.facility("Building 1 lift A");
    private static final Assignee WANG = Assignee.staff("maint-wang");
    private static final Assignee OTIS = Assignee.supplier("C-2026-07", "Otis Service");
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant AT = Instant.parse("2026-11-28T02:30:00Z");
    private static final Instant RESPONSE_DUE = Instant.parse("2026-11-28T06:30:00Z");
    private static final Instant RESOLUTION_DUE = Instant.parse("2026-11-29T02:30:00Z");
    private static final ServiceLevel NORMAL = new ServiceLevel(240, 1440, true, 7);
    private static final List<String> CHECKLIST = List.of("Brakes", "Door sensors");

    static List<Object> samples() {
        return List.of(
                new WorkOrderEvent.WorkOrderReported(ORDER, ESTATE, ReportSource.OWNER_APP, FLAT,
                        Category.WATER_SUPPLY, "Water leaks under the kitchen sink", List.of("app/photos/leak-1.jpg"),
                        ACCOUNT, "owner1", null, CNY, SHANGHAI, AT),
                new WorkOrderEvent.InspectionOrderOpened(ROUND, ESTATE, PLAN, LocalDate.parse("2026-12-01"), LIFT,
                        Category.ELEVATOR, Priority.NORMAL, CHECKLIST, NORMAL, RESPONSE_DUE, RESOLUTION_DUE, CNY,
                        SHANGHAI, AT),
                new WorkOrderEvent.WorkOrderTriaged(ORDER, ESTATE, Priority.NORMAL, true, NORMAL, RESPONSE_DUE,
                        RESOLUTION_DUE, "Owner at home after 18:00", AT),
                new WorkOrderEvent.WorkOrderAssigned(ORDER, ESTATE, WANG, AT),
                new WorkOrderEvent.WorkOrderReassigned(ORDER, ESTATE, WANG, OTIS, "Needs the lift company",
                        RESOLUTION_DUE, AT),
                new WorkOrderEvent.WorkOrderAccepted(ORDER, ESTATE, WANG, AT),
                new WorkOrderEvent.WorkStarted(ORDER, ESTATE, AT),
                new WorkOrderEvent.WorkPutOnHold(ORDER, ESTATE, "Waiting for a DN15 valve", true, AT),
                new WorkOrderEvent.WorkResumed(ORDER, ESTATE, Instant.parse("2026-11-29T05:30:00Z"), AT),
                new WorkOrderEvent.WorkCompleted(ORDER, ESTATE, WANG, "Replaced the valve", new BigDecimal("1.50"),
                        Money.of("120.00", "CNY"), List.of(new Material("Valve DN15", new BigDecimal("2.5"),
                        Money.of("38.50", "CNY"))), Money.of("96.25", "CNY"), Money.of("150.00", "CNY"),
                        List.of(new CheckResult("Brakes", true, null),
                                new CheckResult("Door sensors", false, "Left sensor does not react")), AT),
                new WorkOrderEvent.CheckFailed(ROUND, ESTATE, PLAN, "Door sensors", "Left sensor does not react", LIFT,
                        Category.ELEVATOR, new WorkOrderId("plan-lift-a:20261201:2"), AT),
                new WorkOrderEvent.RepairChargeRequested(ORDER, ESTATE, ACCOUNT, new ChargeId("repair:wo-0001"),
                        Money.of("150.00", "CNY"), YearMonth.parse("2026-11"), LocalDate.parse("2026-12-28"),
                        "Repair wo-0001 (WATER_SUPPLY, unit unit-1201): Water leaks under the kitchen sink", AT),
                new WorkOrderEvent.RepairCharged(ORDER, ESTATE, ACCOUNT, new ChargeId("repair:wo-0001"),
                        Money.of("150.00", "CNY"), AT),
                new WorkOrderEvent.RepairChargeFailed(ORDER, ESTATE, ACCOUNT, new ChargeId("repair:wo-0001"),
                        Money.of("150.00", "CNY"), "account-closed", AT),
                new WorkOrderEvent.WorkOrderVerified(ORDER, ESTATE, 4, "Quick and tidy", AT),
                new WorkOrderEvent.WorkOrderClosed(ORDER, ESTATE, AT),
                new WorkOrderEvent.WorkOrderReopened(ORDER, ESTATE, "Leaks again", WANG, RESPONSE_DUE, RESOLUTION_DUE,
                        AT),
                new WorkOrderEvent.WorkOrderCancelled(ORDER, ESTATE, "Fixed it myself", true, AT),
                new WorkOrderEvent.SlaBreached(ORDER, ESTATE, SlaKind.RESPONSE, Priority.NORMAL, RESPONSE_DUE, WANG,
                        AT),
                new WorkOrderEvent.WorkOrderEscalated(ORDER, ESTATE, 2, EscalationReason.RESPONSE_OVERDUE,
                        Priority.NORMAL, RESPONSE_DUE, AT),
                new WorkOrderEvent.EscalationAcknowledged(ORDER, ESTATE, 2, "Called the plumber", AT),
                new MaintenancePolicyEvent.ServiceTermsSet(ESTATE, new ServiceTerms(List.of(
                        new SlaTarget(Priority.EMERGENCY, 30, 240), new SlaTarget(Priority.URGENT, 60, 480),
                        new SlaTarget(Priority.NORMAL, 240, 1440), new SlaTarget(Priority.LOW, 1440, 4320)),
                        true, 7)),
                new MaintenancePolicyEvent.MaintenanceBudgetSet(ESTATE, 2026, Money.of("120000.00", "CNY")),
                new InspectionPlanEvent.InspectionPlanCreated(PLAN, ESTATE, "Building 1 lift A", Category.ELEVATOR,
                        Frequency.MONTHLY, LocalDate.parse("2026-12-01"), CHECKLIST, Priority.NORMAL),
                new InspectionPlanEvent.InspectionIssued(PLAN, ESTATE, LocalDate.parse("2026-12-01"), ROUND,
                        "Building 1 lift A", Category.ELEVATOR, Priority.NORMAL, CHECKLIST,
                        LocalDate.parse("2027-01-01"), AT),
                new InspectionPlanEvent.InspectionPlanRetired(PLAN, ESTATE, "Lift replaced", AT));
    }

    @TestFactory
    Stream<DynamicTest> eachEventMatchesItsApprovedJsonAndReadsBackEqual() {
        return samples().stream().map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
            String json = PRETTY.writeValueAsString(event) + "\n";
            Path file = APPROVED.resolve(event.getClass().getSimpleName() + ".json");
            if (Boolean.getBoolean("approve") && !Files.exists(file)) {
                Files.createDirectories(APPROVED);
                Files.writeString(file, json, StandardCharsets.UTF_8);
            }
            assertThat(file).as("approved JSON of " + event.getClass().getSimpleName()).exists();
            assertThat(json).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(MAPPER.readValue(Files.readString(file), event.getClass())).isEqualTo(event);
        }));
    }

    @Test
    void everyReleasedEventHasASampleARevisionAndANameOfItsOwn() {
        List<Class<?>> events = Stream.of(WorkOrderEvent.class, MaintenancePolicyEvent.class,
                        InspectionPlanEvent.class)
                .flatMap(type -> Arrays.stream(type.getPermittedSubclasses())).toList();
        assertThat(samples()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(events);
        assertThat(events).allSatisfy(type -> assertThat(type.getAnnotation(Revision.class)).isNotNull());
        List<String> names = events.stream().map(Class::getSimpleName).toList();
        List<String> others = EventJsonApprovalTest.samples().stream().map(event -> event.getClass().getSimpleName())
                .toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names.stream().filter(others::contains))
                .as("approval files are named by simple name: none may clash with another context's events")
                .isEmpty();
    }

    @Test
    void theRepairRecordDescribesEveryWorkOrderEventWithItsBusinessTime() {
        samples().stream().filter(WorkOrderEvent.class::isInstance).map(WorkOrderEvent.class::cast)
                .forEach(event -> {
                    assertThat(WorkOrderHistoryProjection.summaryOf(event)).as(event.getClass().getSimpleName())
                            .isNotBlank();
                    assertThat(WorkOrderHistoryProjection.occurredAt(event)).isEqualTo(AT);
                });
    }

    @Test
    void deadlinesAreInstantsDurationsAreMinutesAndAmountsPlainDecimals() throws IOException {
        String triaged = MAPPER.writeValueAsString(samples().get(2));
        assertThat(triaged).contains("\"responseDue\":\"2026-11-28T06:30:00Z\"")
                .contains("\"serviceLevel\":{\"responseMinutes\":240,\"resolutionMinutes\":1440,"
                        + "\"holdPausesClock\":true,\"reopenWindowDays\":7}");
        String completed = MAPPER.writeValueAsString(samples().get(9));
        assertThat(completed).contains("\"fee\":{\"amount\":150.00,\"currency\":\"CNY\"}")
                .contains("\"quantity\":2.5")
                .contains("\"assignee\":{\"staffMember\":\"maint-wang\",\"contractId\":null,\"supplier\":null}");
    }
}
