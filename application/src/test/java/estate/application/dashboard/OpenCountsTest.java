package estate.application.dashboard;

import com.mongodb.client.MongoClient;
import estate.application.support.ApplicationTest;
import estate.domain.complaints.Channel;
import estate.domain.complaints.ComplaintCategory;
import estate.domain.complaints.ComplaintEvent.ComplaintAcknowledged;
import estate.domain.complaints.ComplaintEvent.ComplaintAssigned;
import estate.domain.complaints.ComplaintEvent.ComplaintClosed;
import estate.domain.complaints.ComplaintEvent.ComplaintDeadlineMissed;
import estate.domain.complaints.ComplaintEvent.ComplaintMerged;
import estate.domain.complaints.ComplaintEvent.ComplaintReceived;
import estate.domain.complaints.ComplaintEvent.ComplaintReopened;
import estate.domain.complaints.ComplaintEvent.ComplaintResolved;
import estate.domain.complaints.ComplaintEvent.ComplaintWithdrawn;
import estate.domain.complaints.ComplaintEvent.InvestigationStarted;
import estate.domain.complaints.ComplaintEvent.ReturnVisitRecorded;
import estate.domain.complaints.ComplaintId;
import estate.domain.complaints.DeadlineKind;
import estate.domain.complaints.Handler;
import estate.domain.complaints.ReturnVisitPolicy;
import estate.domain.estates.EstateId;
import estate.domain.shared.Money;
import estate.domain.workorders.Assignee;
import estate.domain.workorders.Category;
import estate.domain.workorders.EscalationReason;
import estate.domain.workorders.InspectionPlanId;
import estate.domain.workorders.Location;
import estate.domain.workorders.Priority;
import estate.domain.workorders.ReportSource;
import estate.domain.workorders.WorkOrderEvent.EscalationAcknowledged;
import estate.domain.workorders.WorkOrderEvent.InspectionOrderOpened;
import estate.domain.workorders.WorkOrderEvent.WorkCompleted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAccepted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAssigned;
import estate.domain.workorders.WorkOrderEvent.WorkOrderCancelled;
import estate.domain.workorders.WorkOrderEvent.WorkOrderClosed;
import estate.domain.workorders.WorkOrderEvent.WorkOrderEscalated;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReopened;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReported;
import estate.domain.workorders.WorkOrderEvent.WorkOrderTriaged;
import estate.domain.workorders.WorkOrderEvent.WorkOrderVerified;
import estate.domain.workorders.WorkOrderEvent.WorkPutOnHold;
import estate.domain.workorders.WorkOrderEvent.WorkStarted;
import estate.domain.workorders.WorkOrderId;
import estate.domain.workorders.WorkOrderQueries.CountOpenWorkOrders;
import estate.domain.workorders.WorkOrderStatus;
import estate.application.store.IndexedMongoTemplate;
import estate.projections.complaints.ComplaintCounts;
import estate.projections.complaints.ComplaintQueries.CountOpenComplaints;
import estate.projections.complaints.ComplaintQueueProjection;
import estate.projections.complaints.ComplaintView;
import estate.projections.workorders.EscalationProjection;
import estate.projections.workorders.EscalationView;
import estate.projections.workorders.WorkOrderCounts;
import estate.projections.workorders.WorkOrderView;
import estate.projections.workorders.WorkQueueProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The dashboard's counts of open work orders, escalations and complaints select by {@code openEstateId}, set only
 * while the order or complaint is open: exact numbers through every transition that opens or closes one (closing,
 * cancelling, reopening, withdrawing, merging), the same as counting by estate and status, unchanged when the
 * events come again, and the same after a reset rebuilt them (with the index).
 */
class OpenCountsTest extends ApplicationTest {

    private static final EstateId ESTATE = new EstateId("counts-estate");
    private static final EstateId OTHER = new EstateId("counts-other");
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    MongoClient client;
    @Autowired
    MongoConverter converter;

    private final Map<String, Long> sequences = new HashMap<>();

    @Test
    void workOrderCountsFollowClosingCancellingAndReopeningAndCountOnlyTheEstatesOpenOrders() {
        MongoTemplate mongo = database();
        List<EventMessage<?>> untilClosed = new ArrayList<>();
        // W1 reported only: open, not assigned, no deadline yet
        untilClosed.add(order("W1", new WorkOrderReported(id("W1"), ESTATE, ReportSource.STAFF,
                Location.facility("Pump room"), Category.WATER_SUPPLY, "Leak", List.of(), null, "cs", null, CNY,
                ZONE, at(-300))));
        // W2 an emergency assigned to staff, its response deadline passed
        untilClosed.addAll(reportedTriagedAssigned("W2", Priority.EMERGENCY, at(-60), new Assignee("maint", null,
                null)));
        // W3 done by a supplier, verified and closed
        untilClosed.addAll(reportedTriagedAssigned("W3", Priority.NORMAL, at(60), new Assignee(null, "C-1",
                "Lift Co")));
        untilClosed.addAll(acceptedStartedCompletedVerifiedClosed("W3"));
        // W4 cancelled by the reporter
        untilClosed.add(order("W4", new WorkOrderReported(id("W4"), ESTATE, ReportSource.STAFF,
                Location.facility("Gate"), Category.SECURITY_MONITORING, "Camera", List.of(), null, "cs", null, CNY,
                ZONE, at(-200))));
        untilClosed.add(order("W4", new WorkOrderCancelled(id("W4"), ESTATE, "duplicate", true, at(-190))));
        // W5 on hold with the clock stopped: open, no running deadline although its deadlines passed
        untilClosed.addAll(reportedTriagedAssigned("W5", Priority.URGENT, at(-120), new Assignee("maint", null, null)));
        untilClosed.add(order("W5", new WorkOrderAccepted(id("W5"), ESTATE, new Assignee("maint", null, null),
                at(-110))));
        untilClosed.add(order("W5", new WorkStarted(id("W5"), ESTATE, at(-100))));
        untilClosed.add(order("W5", new WorkPutOnHold(id("W5"), ESTATE, "parts", true, at(-90))));
        // W6 an inspection round: opened triaged, nobody assigned, response deadline passed
        untilClosed.add(order("W6", new InspectionOrderOpened(id("W6"), ESTATE, new InspectionPlanId("plan-1"),
                LocalDate.of(2026, 11, 28), Location.facility("Lift 2"), Category.ELEVATOR, Priority.NORMAL,
                List.of("doors"), null, at(-10), at(600), CNY, ZONE, at(-400))));
        // W7 open in another estate; W8 closed for good
        untilClosed.add(order("W7", new WorkOrderReported(id("W7"), OTHER, ReportSource.STAFF,
                Location.facility("Roof"), Category.OTHER, "Tiles", List.of(), null, "cs", null, CNY, ZONE,
                at(-50))));
        untilClosed.addAll(reportedTriagedAssigned("W8", Priority.EMERGENCY, at(-500), new Assignee("maint", null,
                null)));
        untilClosed.addAll(acceptedStartedCompletedVerifiedClosed("W8"));
        // escalations: two of W2, the first acknowledged; one in the other estate
        untilClosed.add(order("W2", new WorkOrderEscalated(id("W2"), ESTATE, 1, EscalationReason.EMERGENCY,
                Priority.EMERGENCY, at(-60), at(-170))));
        untilClosed.add(order("W2", new WorkOrderEscalated(id("W2"), ESTATE, 2, EscalationReason.RESPONSE_OVERDUE,
                Priority.EMERGENCY, at(-60), at(-59))));
        untilClosed.add(order("W2", new EscalationAcknowledged(id("W2"), ESTATE, 1, "on it", at(-58))));
        untilClosed.add(order("W7", new WorkOrderEscalated(id("W7"), OTHER, 1, EscalationReason.EMERGENCY,
                Priority.EMERGENCY, at(-40), at(-45))));
        deliver(mongo, untilClosed);

        assertThat(workOrders(mongo)).isEqualTo(new WorkOrderCounts(4, 2, 1, 2, 1))
                .isEqualTo(workOrdersByStatus(mongo));

        // W3 reopened: open again, back to its supplier, the new response deadline already passed
        List<EventMessage<?>> reopened = List.of(order("W3", new WorkOrderReopened(id("W3"), ESTATE, "leaks again",
                new Assignee(null, "C-1", "Lift Co"), at(-30), at(240), at(-35))));
        deliver(mongo, reopened);

        WorkOrderCounts counts = new WorkOrderCounts(5, 2, 1, 3, 1);
        assertThat(workOrders(mongo)).isEqualTo(counts).isEqualTo(workOrdersByStatus(mongo));
        assertThat(mongo.count(Query.query(where("openEstateId").is(ESTATE.value())), WorkOrderView.class))
                .as("W1, W2, W3, W5, W6").isEqualTo(5);

        deliver(mongo, untilClosed);
        deliver(mongo, reopened);
        assertThat(workOrders(mongo)).as("events delivered again").isEqualTo(counts);

        assertThat(indexes(mongo, "work_orders")).contains("openEstateId");
        reset(new WorkQueueProjection(mongo), new EscalationProjection(mongo));
        assertThat(mongo.count(new Query(), WorkOrderView.class)).isZero();
        assertThat(indexes(mongo, "work_orders")).as("re-created after the reset").contains("openEstateId");
        assertThat(indexes(mongo, "escalations")).contains("openEstateId");
        deliver(mongo, untilClosed);
        deliver(mongo, reopened);
        assertThat(workOrders(mongo)).as("rebuilt").isEqualTo(counts);
    }

    @Test
    void complaintCountsFollowClosingWithdrawingMergingAndReopeningAndCountOnlyTheEstatesOpenComplaints() {
        MongoTemplate mongo = database();
        List<EventMessage<?>> untilClosed = new ArrayList<>();
        untilClosed.add(received("C1", ESTATE));
        // C2 under investigation, its deadline missed
        untilClosed.addAll(receivedAcknowledgedAssigned("C2"));
        untilClosed.add(complaint("C2", new InvestigationStarted(cid("C2"), ESTATE, Handler.staff("cs"), at(-80))));
        untilClosed.add(complaint("C2", new ComplaintDeadlineMissed(cid("C2"), ESTATE, DeadlineKind.RESOLUTION,
                at(-20), Handler.staff("cs"), at(-19))));
        // C3 resolved, awaiting its return visit (still in the queue)
        untilClosed.addAll(receivedAcknowledgedAssigned("C3"));
        untilClosed.add(complaint("C3", new ComplaintResolved(cid("C3"), ESTATE, Handler.staff("cs"), "fixed",
                List.of(), null, true, at(-70))));
        // C4 resolved, visited and closed
        untilClosed.addAll(receivedAcknowledgedAssigned("C4"));
        untilClosed.add(complaint("C4", new ComplaintResolved(cid("C4"), ESTATE, Handler.staff("cs"), "fixed",
                List.of(), null, true, at(-70))));
        untilClosed.add(complaint("C4", new ReturnVisitRecorded(cid("C4"), ESTATE, 2, false, "unhappy", at(-60))));
        untilClosed.add(complaint("C4", new ComplaintClosed(cid("C4"), ESTATE, at(-59))));
        // C5 withdrawn, C6 merged into C1, C7 open in another estate
        untilClosed.add(received("C5", ESTATE));
        untilClosed.add(complaint("C5", new ComplaintWithdrawn(cid("C5"), ESTATE, "sorted", true, at(-50))));
        untilClosed.add(received("C6", ESTATE));
        untilClosed.add(complaint("C6", new ComplaintMerged(cid("C6"), ESTATE, cid("C1"), at(-50))));
        untilClosed.add(received("C7", OTHER));
        deliver(mongo, untilClosed);

        assertThat(complaints(mongo)).isEqualTo(new ComplaintCounts(3, 1, 1))
                .isEqualTo(complaintsByStatus(mongo));

        // C4 reopened: investigated again, not awaiting a visit, not overdue
        List<EventMessage<?>> reopened = List.of(complaint("C4", new ComplaintReopened(cid("C4"), ESTATE,
                Handler.staff("cs"), "not fixed", 1, at(600), at(-10))));
        deliver(mongo, reopened);

        ComplaintCounts counts = new ComplaintCounts(4, 1, 1);
        assertThat(complaints(mongo)).isEqualTo(counts).isEqualTo(complaintsByStatus(mongo));

        deliver(mongo, untilClosed);
        deliver(mongo, reopened);
        assertThat(complaints(mongo)).as("events delivered again").isEqualTo(counts);

        reset(new ComplaintQueueProjection(mongo));
        assertThat(mongo.count(new Query(), ComplaintView.class)).isZero();
        assertThat(indexes(mongo, "complaint_view")).as("re-created after the reset").contains("openEstateId");
        deliver(mongo, untilClosed);
        deliver(mongo, reopened);
        assertThat(complaints(mongo)).as("rebuilt").isEqualTo(counts);
    }

    // --- the orders and complaints ------------------------------------------------------------------------------

    private List<EventMessage<?>> reportedTriagedAssigned(String order, Priority priority, Instant responseDue,
                                                          Assignee assignee) {
        return List.of(
                order(order, new WorkOrderReported(id(order), ESTATE, ReportSource.STAFF, Location.facility("Boiler"),
                        Category.HEATING, "Cold", List.of(), null, "cs", null, CNY, ZONE, at(-600))),
                order(order, new WorkOrderTriaged(id(order), ESTATE, priority, false, null, responseDue,
                        responseDue.plus(Duration.ofHours(4)), null, at(-590))),
                order(order, new WorkOrderAssigned(id(order), ESTATE, assignee, at(-580))));
    }

    private List<EventMessage<?>> acceptedStartedCompletedVerifiedClosed(String order) {
        Assignee assignee = new Assignee("maint", null, null);
        return List.of(
                order(order, new WorkOrderAccepted(id(order), ESTATE, assignee, at(-570))),
                order(order, new WorkStarted(id(order), ESTATE, at(-560))),
                order(order, new WorkCompleted(id(order), ESTATE, assignee, "done", BigDecimal.ONE,
                        Money.of(new BigDecimal("50.00"), CNY), List.of(), Money.of(new BigDecimal("0.00"), CNY),
                        null, List.of(), at(-550))),
                order(order, new WorkOrderVerified(id(order), ESTATE, 5, null, at(-540))),
                order(order, new WorkOrderClosed(id(order), ESTATE, at(-530))));
    }

    private EventMessage<?> received(String complaint, EstateId estate) {
        return complaint(complaint, new ComplaintReceived(cid(complaint), estate, Channel.PHONE,
                ComplaintCategory.NOISE, null, null, "Noise", "cs", at(30), at(600), 600, ReturnVisitPolicy.ALWAYS,
                null, at(-100)));
    }

    private List<EventMessage<?>> receivedAcknowledgedAssigned(String complaint) {
        return List.of(received(complaint, ESTATE),
                complaint(complaint, new ComplaintAcknowledged(cid(complaint), ESTATE, "seen", at(-95))),
                complaint(complaint, new ComplaintAssigned(cid(complaint), ESTATE, Handler.staff("cs"), at(-90))));
    }

    private static WorkOrderId id(String order) {
        return new WorkOrderId("counts-" + order);
    }

    private static ComplaintId cid(String complaint) {
        return new ComplaintId("counts-" + complaint);
    }

    private static Instant at(int minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    private EventMessage<?> order(String order, Object payload) {
        return event("WorkOrder", id(order).value(), payload);
    }

    private EventMessage<?> complaint(String complaint, Object payload) {
        return event("Complaint", cid(complaint).value(), payload);
    }

    /** The aggregate's next event (the sequence the projections guard on). */
    private EventMessage<?> event(String type, String aggregate, Object payload) {
        long sequence = sequences.merge(aggregate, 0L, (last, zero) -> last + 1);
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload);
    }

    // --- the counts ---------------------------------------------------------------------------------------------

    private static WorkOrderCounts workOrders(MongoTemplate mongo) {
        return query(new WorkOrderCounts.Handler(mongo), new CountOpenWorkOrders(ESTATE, NOW), WorkOrderCounts.class);
    }

    private static ComplaintCounts complaints(MongoTemplate mongo) {
        return query(new ComplaintCounts.Handler(mongo), new CountOpenComplaints(ESTATE.value()),
                ComplaintCounts.class);
    }

    /** The counts as they were made before {@code openEstateId}: every order of the estate by its status. */
    private static WorkOrderCounts workOrdersByStatus(MongoTemplate mongo) {
        List<WorkOrderView> open = mongo.find(Query.query(where("estateId").is(ESTATE.value())), WorkOrderView.class)
                .stream().filter(o -> WorkOrderStatus.valueOf(o.status()).isOpen()).toList();
        long escalations = mongo.find(Query.query(where("estateId").is(ESTATE.value())), EscalationView.class)
                .stream().filter(e -> e.acknowledgedAt() == null).count();
        return new WorkOrderCounts(open.size(),
                open.stream().filter(o -> o.assigneeStaff() == null && o.assigneeContractId() == null).count(),
                open.stream().filter(o -> Priority.EMERGENCY.name().equals(o.priority())).count(),
                open.stream().filter(o -> o.nextDeadline() != null && o.nextDeadline().isBefore(NOW)).count(),
                escalations);
    }

    /** The counts as they were made before {@code openEstateId}: every complaint of the estate by its status. */
    private static ComplaintCounts complaintsByStatus(MongoTemplate mongo) {
        List<ComplaintView> open = mongo.find(Query.query(where("estateId").is(ESTATE.value())), ComplaintView.class)
                .stream().filter(c -> List.of("RECEIVED", "ACKNOWLEDGED", "ASSIGNED", "INVESTIGATING", "RESOLVED")
                        .contains(c.status())).toList();
        return new ComplaintCounts(open.size(), open.stream().filter(ComplaintView::overdue).count(),
                open.stream().filter(ComplaintView::awaitingReturnVisit).count());
    }

    private static <R> R query(Object handler, Object query, Class<R> type) {
        try {
            return type.cast(new AnnotationQueryHandlerAdapter<>(handler)
                    .handle(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(type))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- delivery -----------------------------------------------------------------------------------------------

    /** A fresh database through the app's template, which keeps the read models' indexes. */
    private MongoTemplate database() {
        return new IndexedMongoTemplate(new SimpleMongoClientDatabaseFactory(client,
                "counts_" + UUID.randomUUID().toString().replace("-", "")), converter);
    }

    private static void deliver(MongoTemplate mongo, List<EventMessage<?>> events) {
        List<AnnotationEventHandlerAdapter> projections = List.of(
                new AnnotationEventHandlerAdapter(new WorkQueueProjection(mongo)),
                new AnnotationEventHandlerAdapter(new EscalationProjection(mongo)),
                new AnnotationEventHandlerAdapter(new ComplaintQueueProjection(mongo)));
        for (EventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter projection : projections) {
                try {
                    if (projection.canHandle(event)) {
                        projection.handle(event);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static void reset(Object... projections) {
        for (Object projection : projections) {
            new AnnotationEventHandlerAdapter(projection).prepareReset();
        }
    }

    private static List<String> indexes(MongoTemplate mongo, String collection) {
        return mongo.indexOps(collection).getIndexInfo().stream().map(IndexInfo::getName).toList();
    }
}
