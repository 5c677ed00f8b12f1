package estate.application.workorders;

import estate.domain.workorders.SlaKind;
import estate.domain.workorders.WorkOrderCommands.RecordSlaBreach;
import estate.domain.workorders.WorkOrderId;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds SLA deadlines that have passed (in {@code workorder_sla_deadline}, kept in step with the events) and sends
 * {@link RecordSlaBreach} for each. The command is idempotent — the work order records a deadline's breach once and
 * refuses it when the clock was met, paused or moved meanwhile — so any number of instances may sweep, at any time,
 * and a sweep after a restart finds every deadline that passed while nothing ran. Time is the application clock.
 */
@Component
public class SlaDeadlineSweeper {

    public static final String PROCESS = "sla-sweeper";
    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SlaDeadlineSweeper.class);

    private final JdbcTemplate jdbc;
    private final ProcessCommands commands;
    private final Clock clock;

    public SlaDeadlineSweeper(JdbcTemplate jdbc, ProcessCommands commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    private record Due(String workOrderId, String kind, long dueAt) {
    }

    @Scheduled(fixedDelayString = "${estate.workorders.sla-sweep-interval:PT15S}",
            initialDelayString = "${estate.workorders.sla-sweep-interval:PT15S}")
    public void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.error("SLA sweep failed; the next one catches up", e);
        }
    }

    /** One sweep of at most {@value #BATCH} deadlines, the oldest first: returns how many breaches it recorded. */
    public int sweep() {
        Instant now = clock.instant();
        List<Due> due = jdbc.query("SELECT work_order_id, kind, due_at FROM workorder_sla_deadline WHERE due_at < ? "
                        + "ORDER BY due_at, work_order_id, kind FETCH FIRST " + BATCH + " ROWS ONLY",
                (rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getLong(3)), now.toEpochMilli());
        int recorded = 0;
        for (Due deadline : due) {
            if (breach(deadline, now)) {
                recorded++;
            }
        }
        return recorded;
    }

    private boolean breach(Due deadline, Instant now) {
        Optional<String> refused;
        try {
            refused = commands.send(new RecordSlaBreach(WorkOrderId.of(deadline.workOrderId()),
                    SlaKind.valueOf(deadline.kind()), Instant.ofEpochMilli(deadline.dueAt()), now), PROCESS);
        } catch (ConcurrencyException raced) {
            LOG.debug("Work order {} changed meanwhile; its {} deadline is looked at again next sweep",
                    deadline.workOrderId(), deadline.kind());
            return false;
        }
        if (refused.isEmpty()) {
            return true;
        }
        if (!refused.get().equals("deadline-not-reached")) {
            // met, paused, moved or recorded by another instance: this row is stale (the events removed or replaced it)
            jdbc.update("DELETE FROM workorder_sla_deadline WHERE work_order_id = ? AND kind = ? AND due_at = ?",
                    deadline.workOrderId(), deadline.kind(), deadline.dueAt());
        }
        return false;
    }
}
