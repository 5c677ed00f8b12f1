package estate.projections.workorders;

import estate.domain.workorders.WorkOrderEvent.EscalationAcknowledged;
import estate.domain.workorders.WorkOrderEvent.InspectionOrderOpened;
import estate.domain.workorders.WorkOrderEvent.WorkOrderEscalated;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReported;
import estate.domain.workorders.WorkOrderQueries.FindEscalations;
import estate.projections.support.Guarded;
import estate.projections.support.OpenEstateIndex;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The escalation queue of each estate: how the estate's manager is notified (there is no mail system) of every
 * emergency at once, of every missed SLA deadline and of every refused repair charge.
 */
@Component
@ProcessingGroup(EscalationProjection.GROUP)
public class EscalationProjection {

    public static final String GROUP = "escalations";

    private final MongoTemplate mongo;

    public EscalationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(WorkOrderReported e) {
        Guarded.insertOnce(mongo, new EscalationOrder(e.workOrderId().value(), e.estateId().value(),
                e.category().name(), e.location().label(), e.description()));
    }

    @EventHandler
    void on(InspectionOrderOpened e) {
        Guarded.insertOnce(mongo, new EscalationOrder(e.workOrderId().value(), e.estateId().value(),
                e.category().name(), e.location().label(), "Inspection round due " + e.dueDate()));
    }

    @EventHandler
    void on(WorkOrderEscalated e, @SequenceNumber long sequence) {
        EscalationOrder order = mongo.findById(e.workOrderId().value(), EscalationOrder.class);
        Guarded.insertOnce(mongo, new EscalationView(e.workOrderId().value() + ":" + e.escalation(),
                e.estateId().value(), e.workOrderId().value(), e.escalation(), e.reason().name(),
                e.priority() == null ? null : e.priority().name(), e.deadline(), e.escalatedAt(),
                order == null ? null : order.category(), order == null ? null : order.locationLabel(),
                order == null ? null : order.description(), null, null, null, e.estateId().value(), sequence));
    }

    @EventHandler
    void on(EscalationAcknowledged e, @SequenceNumber long sequence, @MetaDataValue("userId") String userId) {
        Guarded.update(mongo, EscalationView.class, e.workOrderId().value() + ":" + e.escalation(), sequence,
                new Update().set("acknowledgedAt", e.acknowledgedAt()).set("acknowledgedBy", userId)
                        .set("note", e.note()).set(OpenEstateIndex.FIELD, null));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(EscalationOrder.class);
        mongo.dropCollection(EscalationView.class);
    }

    /** Open ones first, newest first. */
    @QueryHandler
    List<EscalationView> handle(FindEscalations query) {
        Criteria criteria = where("estateId").is(query.estateId().value());
        if (query.openOnly()) {
            criteria = criteria.and("acknowledgedAt").is(null);
        }
        return mongo.find(Query.query(criteria), EscalationView.class).stream()
                .sorted(Comparator.comparing((EscalationView v) -> v.acknowledgedAt() != null)
                        .thenComparing(EscalationView::escalatedAt, Comparator.reverseOrder())
                        .thenComparing(EscalationView::id))
                .toList();
    }
}
