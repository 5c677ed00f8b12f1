package estate.application.workorders;

import estate.domain.workorders.InspectionPlanEvent.InspectionIssued;
import estate.domain.workorders.InspectionPlanEvent.InspectionPlanCreated;
import estate.domain.workorders.InspectionPlanEvent.InspectionPlanRetired;
import estate.domain.workorders.MaintenancePolicyEvent.ServiceTermsSet;
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
import estate.domain.workorders.WorkOrderEvent.WorkPutOnHold;
import estate.domain.workorders.WorkOrderEvent.WorkResumed;
import estate.domain.workorders.WorkOrderId;
import estate.domain.estates.EstateId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the work-order tables of the event store's database in step with the events, in the transaction that
 * stores them (a subscribing processor, like the other command-side lookups): who may act on each order, each
 * estate's service terms, the SLA deadlines that are running, and each plan's next due date. So the sweeper and the
 * scheduler never see a deadline or a due date that the log does not have, and never miss one it has.
 */
@Component
@ProcessingGroup(WorkOrderLookupProjection.GROUP)
public class WorkOrderLookupProjection {

    public static final String GROUP = "workorder-lookups";

    private final JdbcTemplate jdbc;
    private final TermsJson termsJson;

    public WorkOrderLookupProjection(JdbcTemplate jdbc, TermsJson termsJson) {
        this.jdbc = jdbc;
        this.termsJson = termsJson;
    }

    @EventHandler
    void on(WorkOrderReported e) {
        jdbc.update("INSERT INTO workorder_lookup (work_order_id, estate_id, reported_by, assignee_staff, assigned, "
                        + "sla_paused) VALUES (?, ?, ?, NULL, FALSE, FALSE)",
                e.workOrderId().value(), e.estateId().value(), e.reportedBy());
    }

    @EventHandler
    void on(InspectionOrderOpened e) {
        jdbc.update("INSERT INTO workorder_lookup (work_order_id, estate_id, reported_by, assignee_staff, assigned, "
                + "sla_paused) VALUES (?, ?, NULL, NULL, FALSE, FALSE)", e.workOrderId().value(), e.estateId().value());
        running(e.workOrderId(), e.estateId(), SlaKind.RESPONSE, e.responseDue());
        running(e.workOrderId(), e.estateId(), SlaKind.RESOLUTION, e.resolutionDue());
    }

    @EventHandler
    void on(WorkOrderTriaged e) {
        running(e.workOrderId(), e.estateId(), SlaKind.RESPONSE, e.responseDue());
        running(e.workOrderId(), e.estateId(), SlaKind.RESOLUTION, e.resolutionDue());
    }

    @EventHandler
    void on(WorkOrderAssigned e) {
        jdbc.update("UPDATE workorder_lookup SET assignee_staff = ?, assigned = TRUE WHERE work_order_id = ?",
                e.assignee().staffMember(), e.workOrderId().value());
    }

    @EventHandler
    void on(WorkOrderReassigned e) {
        jdbc.update("UPDATE workorder_lookup SET assignee_staff = ?, assigned = TRUE WHERE work_order_id = ?",
                e.assignee().staffMember(), e.workOrderId().value());
        restartIfPaused(e.workOrderId(), e.estateId(), e.resolutionDue());
    }

    @EventHandler
    void on(WorkOrderAccepted e) {
        met(e.workOrderId(), SlaKind.RESPONSE);
    }

    @EventHandler
    void on(WorkPutOnHold e) {
        if (e.slaPaused()) {
            met(e.workOrderId(), SlaKind.RESOLUTION);
            jdbc.update("UPDATE workorder_lookup SET sla_paused = TRUE WHERE work_order_id = ?", e.workOrderId().value());
        }
    }

    @EventHandler
    void on(WorkResumed e) {
        restartIfPaused(e.workOrderId(), e.estateId(), e.resolutionDue());
    }

    @EventHandler
    void on(WorkCompleted e) {
        met(e.workOrderId(), SlaKind.RESPONSE);
        met(e.workOrderId(), SlaKind.RESOLUTION);
    }

    @EventHandler
    void on(WorkOrderReopened e) {
        running(e.workOrderId(), e.estateId(), SlaKind.RESPONSE, e.responseDue());
        running(e.workOrderId(), e.estateId(), SlaKind.RESOLUTION, e.resolutionDue());
    }

    @EventHandler
    void on(WorkOrderCancelled e) {
        met(e.workOrderId(), SlaKind.RESPONSE);
        met(e.workOrderId(), SlaKind.RESOLUTION);
    }

    @EventHandler
    void on(SlaBreached e) {
        met(e.workOrderId(), e.kind());
    }

    @EventHandler
    void on(ServiceTermsSet e) {
        jdbc.update("DELETE FROM workorder_service_terms WHERE estate_id = ?", e.estateId().value());
        jdbc.update("INSERT INTO workorder_service_terms (estate_id, terms) VALUES (?, ?)", e.estateId().value(),
                termsJson.write(e.terms()));
    }

    @EventHandler
    void on(InspectionPlanCreated e) {
        jdbc.update("INSERT INTO workorder_inspection_due (plan_id, estate_id, next_due) VALUES (?, ?, ?)",
                e.planId().value(), e.estateId().value(), e.firstDueDate());
    }

    @EventHandler
    void on(InspectionIssued e) {
        jdbc.update("UPDATE workorder_inspection_due SET next_due = ? WHERE plan_id = ?", e.nextDueDate(),
                e.planId().value());
    }

    @EventHandler
    void on(InspectionPlanRetired e) {
        jdbc.update("DELETE FROM workorder_inspection_due WHERE plan_id = ?", e.planId().value());
    }

    /** A deadline that now runs: the one row of its order and kind. */
    private void running(WorkOrderId workOrderId, EstateId estateId, SlaKind kind, Instant due) {
        met(workOrderId, kind);
        jdbc.update("INSERT INTO workorder_sla_deadline (work_order_id, kind, estate_id, due_at) VALUES (?, ?, ?, ?)",
                workOrderId.value(), kind.name(), estateId.value(), due.toEpochMilli());
    }

    /** A deadline that no longer runs: met, missed (recorded), paused or cancelled. */
    private void met(WorkOrderId workOrderId, SlaKind kind) {
        jdbc.update("DELETE FROM workorder_sla_deadline WHERE work_order_id = ? AND kind = ?", workOrderId.value(),
                kind.name());
    }

    /** The resolution clock runs again after a hold that stopped it, with its deadline moved by the pause. */
    private void restartIfPaused(WorkOrderId workOrderId, EstateId estateId, Instant resolutionDue) {
        int paused = jdbc.update("UPDATE workorder_lookup SET sla_paused = FALSE WHERE work_order_id = ? "
                + "AND sla_paused = TRUE", workOrderId.value());
        if (paused > 0) {
            running(workOrderId, estateId, SlaKind.RESOLUTION, resolutionDue);
        }
    }
}
