package estate.projections.workorders;

import estate.domain.workorders.Assignee;
import estate.domain.workorders.SlaKind;
import estate.domain.workorders.WorkOrderEvent.InspectionOrderOpened;
import estate.domain.workorders.WorkOrderEvent.SlaBreached;
import estate.domain.workorders.WorkOrderEvent.WorkCompleted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAccepted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAssigned;
import estate.domain.workorders.WorkOrderEvent.WorkOrderCancelled;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReassigned;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReopened;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReported;
import estate.domain.workorders.WorkOrderEvent.WorkOrderTriaged;
import estate.domain.workorders.WorkOrderQueries.GetSlaReport;
import estate.projections.support.Guarded;
import estate.projections.workorders.SlaReport.Row;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static estate.projections.workorders.SlaRecord.BREACHED;
import static estate.projections.workorders.SlaRecord.CANCELLED;
import static estate.projections.workorders.SlaRecord.MET;
import static estate.projections.workorders.SlaRecord.PENDING;
import static estate.projections.workorders.SlaRecord.UNASSIGNED;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The SLA report: response and resolution on-time rates per priority and per assignee. */
@Component
@ProcessingGroup(SlaReportProjection.GROUP)
public class SlaReportProjection {

    public static final String GROUP = "sla-report";

    private final MongoTemplate mongo;

    public SlaReportProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(WorkOrderReported e, @SequenceNumber long sequence) {
        Guarded.insertOnce(mongo, new SlaOrder(e.workOrderId().value(), e.estateId().value(), e.zoneId().getId(),
                e.reportedAt(), null, 0, null, sequence));
    }

    @EventHandler
    void on(InspectionOrderOpened e, @SequenceNumber long sequence) {
        Guarded.insertOnce(mongo, new SlaOrder(e.workOrderId().value(), e.estateId().value(), e.zoneId().getId(),
                e.openedAt(), e.priority().name(), 0, null, sequence));
        Guarded.insertOnce(mongo, new SlaRecord(e.workOrderId().value() + ":0", e.estateId().value(),
                e.workOrderId().value(), 0, e.priority().name(), month(e.openedAt(), e.zoneId().getId()),
                e.responseDue(), PENDING, null, e.resolutionDue(), PENDING, null, sequence));
    }

    @EventHandler
    void on(WorkOrderTriaged e, @SequenceNumber long sequence) {
        SlaOrder order = order(e.workOrderId().value(), sequence);
        if (order == null) {
            return;
        }
        Guarded.insertOnce(mongo, new SlaRecord(order.workOrderId() + ":0", order.estateId(), order.workOrderId(), 0,
                e.priority().name(), month(order.reportedAt(), order.zoneId()), e.responseDue(), PENDING, null,
                e.resolutionDue(), PENDING, null, sequence));
        updateOrder(order, sequence, new Update().set("priority", e.priority().name()));
    }

    @EventHandler
    void on(WorkOrderAssigned e, @SequenceNumber long sequence) {
        Guarded.update(mongo, SlaOrder.class, e.workOrderId().value(), sequence,
                new Update().set("assignee", e.assignee().label()));
    }

    @EventHandler
    void on(WorkOrderReassigned e, @SequenceNumber long sequence) {
        Guarded.update(mongo, SlaOrder.class, e.workOrderId().value(), sequence,
                new Update().set("assignee", e.assignee().label()));
    }

    @EventHandler
    void on(WorkOrderAccepted e, @SequenceNumber long sequence) {
        settle(e.workOrderId().value(), sequence, "response", e.assignee());
    }

    @EventHandler
    void on(WorkCompleted e, @SequenceNumber long sequence) {
        settle(e.workOrderId().value(), sequence, "resolution", e.assignee());
    }

    @EventHandler
    void on(SlaBreached e, @SequenceNumber long sequence) {
        SlaRecord record = currentRecord(e.workOrderId().value(), sequence);
        if (record == null) {
            return;
        }
        String who = e.assignee() == null ? UNASSIGNED : e.assignee().label();
        String clock = e.kind() == SlaKind.RESPONSE ? "response" : "resolution";
        Guarded.update(mongo, SlaRecord.class, record.id(), sequence, new Update()
                .set(clock + "Outcome", BREACHED)
                .set(e.kind() == SlaKind.RESPONSE ? "responder" : "resolver", who));
    }

    @EventHandler
    void on(WorkOrderReopened e, @SequenceNumber long sequence) {
        SlaOrder order = order(e.workOrderId().value(), sequence);
        if (order == null) {
            return;
        }
        int round = order.round() + 1;
        Guarded.insertOnce(mongo, new SlaRecord(order.workOrderId() + ":" + round, order.estateId(),
                order.workOrderId(), round, order.priority(), month(e.reopenedAt(), order.zoneId()), e.responseDue(),
                PENDING, null, e.resolutionDue(), PENDING, null, sequence));
        updateOrder(order, sequence, new Update().set("round", round));
    }

    @EventHandler
    void on(WorkOrderCancelled e, @SequenceNumber long sequence) {
        SlaRecord record = currentRecord(e.workOrderId().value(), sequence);
        if (record == null) {
            return;
        }
        Guarded.update(mongo, SlaRecord.class, record.id(), sequence, new Update()
                .set("responseOutcome", PENDING.equals(record.responseOutcome()) ? CANCELLED : record.responseOutcome())
                .set("resolutionOutcome", PENDING.equals(record.resolutionOutcome()) ? CANCELLED
                        : record.resolutionOutcome()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(SlaOrder.class);
        mongo.dropCollection(SlaRecord.class);
    }

    @QueryHandler
    SlaReport handle(GetSlaReport query) {
        List<SlaRecord> records = mongo.find(Query.query(where("estateId").is(query.estateId().value())
                .and("month").gte(query.from().toString()).lte(query.to().toString())), SlaRecord.class);
        List<Row> byPriority = rows(records, SlaRecord::priority, SlaRecord::priority);
        List<Row> byAssignee = rows(records, SlaRecord::responder, SlaRecord::resolver);
        return new SlaReport(query.estateId().value(), query.from().toString(), query.to().toString(), byPriority,
                byAssignee);
    }

    /** A pending clock met (if not breached already), by the assignee of the event. */
    private void settle(String workOrderId, long sequence, String clock, Assignee by) {
        SlaRecord record = currentRecord(workOrderId, sequence);
        if (record == null) {
            return;
        }
        String outcome = "response".equals(clock) ? record.responseOutcome() : record.resolutionOutcome();
        if (PENDING.equals(outcome)) {
            Guarded.update(mongo, SlaRecord.class, record.id(), sequence, new Update()
                    .set(clock + "Outcome", MET)
                    .set("response".equals(clock) ? "responder" : "resolver", by.label()));
        }
    }

    private static List<Row> rows(List<SlaRecord> records, Function<SlaRecord, String> responseKey,
                                  Function<SlaRecord, String> resolutionKey) {
        Map<String, int[]> counts = new TreeMap<>();
        for (SlaRecord record : records) {
            count(counts, responseKey.apply(record), record.responseOutcome(), 0);
            count(counts, resolutionKey.apply(record), record.resolutionOutcome(), 2);
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, c) -> rows.add(new Row(key, c[0], c[1], rate(c[0], c[1]), c[2], c[3], rate(c[2], c[3]))));
        return rows;
    }

    private static void count(Map<String, int[]> counts, String key, String outcome, int offset) {
        if (key == null || !(MET.equals(outcome) || BREACHED.equals(outcome))) {
            return;
        }
        counts.computeIfAbsent(key, k -> new int[4])[offset + (MET.equals(outcome) ? 0 : 1)]++;
    }

    private static BigDecimal rate(int met, int breached) {
        return met + breached == 0 ? null
                : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(met + breached), 4, RoundingMode.HALF_EVEN);
    }

    private static String month(Instant at, String zoneId) {
        return YearMonth.from(at.atZone(ZoneId.of(zoneId))).toString();
    }

    private SlaOrder order(String workOrderId, long sequence) {
        SlaOrder order = mongo.findById(workOrderId, SlaOrder.class);
        return order == null || order.lastSequence() >= sequence ? null : order;
    }

    private void updateOrder(SlaOrder order, long sequence, Update update) {
        Guarded.update(mongo, SlaOrder.class, order.workOrderId(), sequence, update);
    }

    /** The record of the order's current round, if it has not seen this event yet. */
    private SlaRecord currentRecord(String workOrderId, long sequence) {
        SlaOrder order = mongo.findById(workOrderId, SlaOrder.class);
        if (order == null) {
            return null;
        }
        SlaRecord record = mongo.findById(workOrderId + ":" + order.round(), SlaRecord.class);
        return record == null || record.lastSequence() >= sequence ? null : record;
    }
}
