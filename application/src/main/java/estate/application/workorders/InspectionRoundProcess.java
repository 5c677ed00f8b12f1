package estate.application.workorders;

import estate.domain.workorders.Location;
import estate.domain.workorders.ReportSource;
import estate.domain.workorders.WorkOrderCommands.OpenInspectionOrder;
import estate.domain.workorders.WorkOrderCommands.ReportWorkOrder;
import estate.domain.workorders.WorkOrderEvent.CheckFailed;
import estate.domain.workorders.WorkOrderId;
import estate.domain.workorders.InspectionPlanEvent.InspectionIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Turns inspection events into work orders: an issued round becomes its inspection order, a failed check item its
 * repair order, linked to the inspection. Both ids are derived (plan and due date; inspection and item), and the
 * order is opened only if the command-side lookup does not have it yet, so a redelivered event opens nothing twice.
 * (An existing aggregate id would otherwise fail only at commit, with this whole step.)
 */
@Component
@ProcessingGroup(InspectionRoundProcess.GROUP)
public class InspectionRoundProcess {

    public static final String GROUP = "inspection-rounds";
    private static final Logger LOG = LoggerFactory.getLogger(InspectionRoundProcess.class);

    private final ProcessCommands commands;
    private final JdbcTemplate jdbc;

    public InspectionRoundProcess(ProcessCommands commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InspectionIssued event) {
        if (exists(event.workOrderId())) {
            return;
        }
        commands.send(new OpenInspectionOrder(event.workOrderId(), event.estateId(), event.planId(), event.dueDate(),
                Location.facility(event.facility()), event.category(), event.priority(), event.checklist(),
                event.issuedAt()), GROUP).ifPresent(code -> LOG.warn("Inspection round {} was not opened: {}",
                event.workOrderId(), code));
    }

    @EventHandler
    void on(CheckFailed event, @MetaDataValue("userId") String inspector) {
        if (exists(event.followUpOrderId())) {
            return;
        }
        commands.send(new ReportWorkOrder(event.followUpOrderId(), event.estateId(), ReportSource.INSPECTION,
                event.location(), event.category(), "Failed check \"" + event.item() + "\": " + event.note(),
                List.of(), null, inspector == null ? GROUP : inspector, event.workOrderId(), event.failedAt()), GROUP)
                .ifPresent(code -> LOG.warn("Repair order {} for a failed check was not opened: {}",
                        event.followUpOrderId(), code));
    }

    private boolean exists(WorkOrderId workOrderId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM workorder_lookup WHERE work_order_id = ?",
                Integer.class, workOrderId.value());
        return count != null && count > 0;
    }
}
