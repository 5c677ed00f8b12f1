package estate.projections.workorders;

import estate.domain.workorders.InspectionPlanEvent.InspectionIssued;
import estate.domain.workorders.InspectionPlanEvent.InspectionPlanCreated;
import estate.domain.workorders.InspectionPlanEvent.InspectionPlanRetired;
import estate.domain.workorders.WorkOrderQueries.FindInspectionPlans;
import estate.projections.support.WriteBuffer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The inspection plans of each estate (巡检计划) and where each stands. */
@Component
@ProcessingGroup(InspectionPlanProjection.GROUP)
public class InspectionPlanProjection {

    public static final String GROUP = "inspection-plans";

    private final MongoTemplate mongo;

    public InspectionPlanProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(InspectionPlanCreated e, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).insertOnce(e.planId().value(),
                new InspectionPlanView(e.planId().value(), e.estateId().value(), e.facility(),
                e.category().name(), e.frequency().name(), e.firstDueDate(), e.firstDueDate(), e.priority().name(),
                e.checklist(), InspectionPlanView.ACTIVE, 0, null, null, null, sequence));
    }

    @EventHandler
    void on(InspectionIssued e, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).update(InspectionPlanView.class, e.planId().value(), sequence, new Update()
                .inc("roundsIssued", 1)
                .set("nextDueDate", e.nextDueDate())
                .set("lastRoundOrderId", e.workOrderId().value())
                .set("lastRoundDueDate", e.dueDate()));
    }

    @EventHandler
    void on(InspectionPlanRetired e, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).update(InspectionPlanView.class, e.planId().value(), sequence, new Update()
                .set("status", InspectionPlanView.RETIRED)
                .set("retiredReason", e.reason()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(InspectionPlanView.class);
    }

    @QueryHandler
    List<InspectionPlanView> handle(FindInspectionPlans query) {
        return mongo.find(Query.query(where("estateId").is(query.estateId().value())).with(Sort.by("facility", "_id")),
                InspectionPlanView.class);
    }
}
