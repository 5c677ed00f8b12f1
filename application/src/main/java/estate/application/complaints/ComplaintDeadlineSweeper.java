package estate.application.complaints;

import estate.application.workorders.ProcessCommands;
import estate.domain.complaints.ComplaintCommands.RecordMissedDeadline;
import estate.domain.complaints.ComplaintId;
import estate.domain.complaints.DeadlineKind;
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
 * The work orders' deadline mechanism (ADR 4) for complaints: reads passed rows of {@code complaint_deadline} on
 * the application clock and sends the idempotent {@link RecordMissedDeadline}; a refused row is stale and dropped.
 */
@Component
public class ComplaintDeadlineSweeper {

    public static final String PROCESS = "complaint-deadline-sweeper";
    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ComplaintDeadlineSweeper.class);

    private final JdbcTemplate jdbc;
    private final ProcessCommands commands;
    private final Clock clock;

    public ComplaintDeadlineSweeper(JdbcTemplate jdbc, ProcessCommands commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    private record Due(String complaintId, String kind, long dueAt) {
    }

    @Scheduled(fixedDelayString = "${estate.workorders.sla-sweep-interval:PT15S}",
            initialDelayString = "${estate.workorders.sla-sweep-interval:PT15S}")
    public void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.error("Complaint deadline sweep failed; the next one catches up", e);
        }
    }

    /** One sweep of at most {@value #BATCH} deadlines, oldest first: how many missed deadlines it recorded. */
    public int sweep() {
        Instant now = clock.instant();
        List<Due> due = jdbc.query("SELECT complaint_id, kind, due_at FROM complaint_deadline WHERE due_at < ? "
                        + "ORDER BY due_at, complaint_id, kind FETCH FIRST " + BATCH + " ROWS ONLY",
                (rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getLong(3)), now.toEpochMilli());
        int recorded = 0;
        for (Due deadline : due) {
            Optional<String> refused;
            try {
                refused = commands.send(new RecordMissedDeadline(ComplaintId.of(deadline.complaintId()),
                        DeadlineKind.valueOf(deadline.kind()), Instant.ofEpochMilli(deadline.dueAt()), now), PROCESS);
            } catch (ConcurrencyException raced) {
                continue;
            }
            if (refused.isEmpty()) {
                recorded++;
            } else if (!refused.get().equals("deadline-not-reached")) {
                jdbc.update("DELETE FROM complaint_deadline WHERE complaint_id = ? AND kind = ? AND due_at = ?",
                        deadline.complaintId(), deadline.kind(), deadline.dueAt());
            }
        }
        return recorded;
    }
}
