package estate.application.complaints;

import estate.application.workorders.ProcessCommands;
import estate.domain.complaints.ComplaintCategory;
import estate.domain.complaints.ComplaintCommands.RecordWorkOrderCompleted;
import estate.domain.complaints.ComplaintEvent.WorkOrderRequested;
import estate.domain.complaints.ComplaintId;
import estate.domain.workorders.Category;
import estate.domain.workorders.Location;
import estate.domain.workorders.ReportSource;
import estate.domain.workorders.WorkOrderCommands.ReportWorkOrder;
import estate.domain.workorders.WorkOrderEvent.WorkCompleted;
import estate.domain.workorders.WorkOrderId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Links complaints and work orders both ways by id: on {@link WorkOrderRequested} it reports the work order (with the
 * id the complaint chose, reported by the complaint's process, its description naming the complaint); on a linked
 * order's {@link WorkCompleted} it tells the complaint. Redelivery is harmless: a second report of the same id
 * conflicts in the event store, and the complaint refuses a completion it no longer awaits.
 */
@Component
@ProcessingGroup(ComplaintWorkOrderProcess.GROUP)
public class ComplaintWorkOrderProcess {

    public static final String GROUP = "complaint-work-orders";
    private static final Logger LOG = LoggerFactory.getLogger(ComplaintWorkOrderProcess.class);

    private final ProcessCommands commands;
    private final JdbcTemplate jdbc;

    public ComplaintWorkOrderProcess(ProcessCommands commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WorkOrderRequested event) {
        Location location = event.request().unitId() != null ? Location.unit(event.request().unitId())
                : Location.facility(event.request().facility());
        try {
            Optional<String> refused = commands.send(new ReportWorkOrder(WorkOrderId.of(event.workOrderId()),
                    event.estateId(), ReportSource.STAFF, location, categoryOf(event.category()),
                    "Complaint " + event.complaintId() + ": " + event.request().description(), List.of(),
                    event.accountId(), GROUP, null, event.requestedAt()), GROUP);
            refused.ifPresent(code -> LOG.warn("Work order {} for complaint {} refused: {}", event.workOrderId(),
                    event.complaintId(), code));
        } catch (RuntimeException alreadyReported) {
            LOG.debug("Work order {} exists already", event.workOrderId(), alreadyReported);
        }
    }

    @EventHandler
    void on(WorkCompleted event) {
        jdbc.queryForList("SELECT complaint_id FROM complaint_work_order WHERE work_order_id = ?", String.class,
                        event.workOrderId().value()).stream().findFirst()
                .ifPresent(complaint -> commands.send(new RecordWorkOrderCompleted(ComplaintId.of(complaint),
                        event.workOrderId().value(), event.completedAt()), GROUP));
    }

    static Category categoryOf(ComplaintCategory category) {
        return switch (category) {
            case CLEANLINESS -> Category.CLEANING;
            case SECURITY -> Category.SECURITY_MONITORING;
            default -> Category.OTHER;
        };
    }
}
