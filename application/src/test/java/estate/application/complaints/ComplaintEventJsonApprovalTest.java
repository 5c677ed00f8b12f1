package estate.application.complaints;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import estate.application.config.EstateJson;
import estate.domain.complaints.CarePolicyEvent;
import estate.domain.complaints.CareTerms;
import estate.domain.complaints.Channel;
import estate.domain.complaints.ComplaintCategory;
import estate.domain.complaints.ComplaintEscalationReason;
import estate.domain.complaints.ComplaintEvent;
import estate.domain.complaints.ComplaintId;
import estate.domain.complaints.DeadlineKind;
import estate.domain.complaints.Handler;
import estate.domain.complaints.ResponseTarget;
import estate.domain.complaints.ReturnVisitPolicy;
import estate.domain.complaints.WorkOrderRequest;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.workorders.InspectionPlanEvent;
import estate.domain.workorders.MaintenancePolicyEvent;
import estate.domain.workorders.WorkOrderEvent;
import estate.projections.complaints.ComplaintHistoryProjection;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint context's events are a contract: each one's JSON is approved in
 * {@code src/test/resources/events/<Event>.json}, like the work orders' in {@code WorkOrderEventJsonApprovalTest}. A
 * change to an event's shape fails here; a deliberate one gets a new revision and an upcaster. Run with
 * {@code -Dapprove=true} only to write the file of a new event.
 */
class ComplaintEventJsonApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/events");
    private static final ObjectMapper MAPPER = EstateJson.messageMapper();
    private static final ObjectMapper PRETTY = EstateJson.messageMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final EstateId ESTATE = new EstateId("sunrise");
    private static final ComplaintId COMPLAINT = new ComplaintId("cmp-0001");
    private static final ComplaintId EARLIER = new ComplaintId("cmp-0000");
    private static final OwnerAccountId ACCOUNT = new OwnerAccountId("acc-0001");
    private static final Handler LI = Handler.staff("cs-li");
    private static final Handler CLEANING = Handler.team("cleaning");
    private static final Instant AT = Instant.parse("2026-11-28T02:30:00Z");
    private static final Instant ACKNOWLEDGE_DUE = Instant.parse("2026-11-28T03:00:00Z");
    private static final Instant RESOLUTION_DUE = Instant.parse("2026-11-30T02:30:00Z");

    static List<Object> samples() {
        return List.of(
                new ComplaintEvent.ComplaintReceived(COMPLAINT, ESTATE, Channel.APP, ComplaintCategory.NOISE, ACCOUNT,
                        new BuildingId("bldg-3"), "Lobby door slams all night", "owner1", ACKNOWLEDGE_DUE,
                        RESOLUTION_DUE, 2880, ReturnVisitPolicy.ALWAYS, EARLIER, AT),
                new ComplaintEvent.ComplaintAcknowledged(COMPLAINT, ESTATE, "We will look into it today", AT),
                new ComplaintEvent.ComplaintAssigned(COMPLAINT, ESTATE, LI, AT),
                new ComplaintEvent.ComplaintTransferred(COMPLAINT, ESTATE, LI, CLEANING, "Cleaning handles stairs",
                        AT),
                new ComplaintEvent.InvestigationStarted(COMPLAINT, ESTATE, CLEANING, AT),
                new ComplaintEvent.InternalNoteAdded(COMPLAINT, ESTATE, "Neighbour in 1202 said the same", AT),
                new ComplaintEvent.ComplaintResolved(COMPLAINT, ESTATE, CLEANING, "A door closer will be fitted",
                        List.of("Inspected the door"), "wo-0009", true, AT),
                new ComplaintEvent.WorkOrderRequested(COMPLAINT, ESTATE, "wo-0009", ComplaintCategory.NOISE, ACCOUNT,
                        new WorkOrderRequest("wo-0009", null, "Lobby door", "Fit a door closer"), AT),
                new ComplaintEvent.LinkedWorkOrderCompleted(COMPLAINT, ESTATE, "wo-0009", AT),
                new ComplaintEvent.ResolutionRated(COMPLAINT, ESTATE, 4, true, "Quiet now", AT),
                new ComplaintEvent.ReturnVisitRecorded(COMPLAINT, ESTATE, 5, true, "Called back, satisfied", AT),
                new ComplaintEvent.ComplaintClosed(COMPLAINT, ESTATE, AT),
                new ComplaintEvent.ComplaintReopened(COMPLAINT, ESTATE, CLEANING, "Still slams", 1, RESOLUTION_DUE,
                        AT),
                new ComplaintEvent.ComplaintWithdrawn(COMPLAINT, ESTATE, "Sorted it with the neighbour", true, AT),
                new ComplaintEvent.ComplaintMerged(COMPLAINT, ESTATE, EARLIER, AT),
                new ComplaintEvent.ComplaintDeadlineMissed(COMPLAINT, ESTATE, DeadlineKind.ACKNOWLEDGE,
                        ACKNOWLEDGE_DUE, null, AT),
                new ComplaintEvent.ComplaintEscalated(COMPLAINT, ESTATE, 1, ComplaintEscalationReason.ACKNOWLEDGE_OVERDUE,
                        1, "manager", ACKNOWLEDGE_DUE, AT),
                new CarePolicyEvent.CareTermsSet(ESTATE, new CareTerms(List.of(
                        new ResponseTarget(ComplaintCategory.SECURITY, 10, 240),
                        new ResponseTarget(ComplaintCategory.NOISE, 30, 2880)), ReturnVisitPolicy.ONLY_WHEN_NOT_RATED)));
    }

    @TestFactory
    Stream<DynamicTest> eachComplaintEventMatchesItsApprovedJsonAndReadsBackEqual() {
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
    void everyComplaintEventHasASampleARevisionAndANameNoOtherContextUses() {
        List<Class<?>> events = Stream.of(ComplaintEvent.class, CarePolicyEvent.class)
                .flatMap(type -> Arrays.stream(type.getPermittedSubclasses())).toList();
        assertThat(samples()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(events);
        assertThat(events).allSatisfy(type -> assertThat(type.getAnnotation(Revision.class)).isNotNull());
        List<String> names = events.stream().map(Class::getSimpleName).toList();
        List<String> workOrders = Stream.of(WorkOrderEvent.class, MaintenancePolicyEvent.class,
                        InspectionPlanEvent.class)
                .flatMap(type -> Arrays.stream(type.getPermittedSubclasses())).map(Class::getSimpleName).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(names.stream().filter(workOrders::contains))
                .as("approval files are named by simple name: none may clash with another context's events")
                .isEmpty();
    }

    @Test
    void theHistoryDescribesEveryComplaintEventWithItsBusinessTime() {
        samples().stream().filter(ComplaintEvent.class::isInstance).map(ComplaintEvent.class::cast)
                .forEach(event -> {
                    assertThat(ComplaintHistoryProjection.summaryOf(event)).as(event.getClass().getSimpleName())
                            .isNotBlank();
                    assertThat(ComplaintHistoryProjection.occurredAt(event)).isEqualTo(AT);
                });
    }

    @Test
    void deadlinesAreInstantsAndHandlersAndAnonymityAreExplicit() throws IOException {
        String received = MAPPER.writeValueAsString(samples().get(0));
        assertThat(received).contains("\"acknowledgeDue\":\"2026-11-28T03:00:00Z\"")
                .contains("\"accountId\":\"acc-0001\"").contains("\"repeatOf\":\"cmp-0000\"");
        String transferred = MAPPER.writeValueAsString(samples().get(3));
        assertThat(transferred).contains("\"previousHandler\":{\"staffMember\":\"cs-li\",\"team\":null}")
                .contains("\"handler\":{\"staffMember\":null,\"team\":\"cleaning\"}");
    }
}
